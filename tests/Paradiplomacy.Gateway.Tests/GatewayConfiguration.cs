using Google.Protobuf.Reflection;
using Microsoft.Extensions.Configuration;
using Paradiplomacy.Gateway.Extensions;

namespace Paradiplomacy.Gateway.Tests;

/// <summary>The gateway's own appsettings.json (copied next to the tests), as the gateway reads it.</summary>
internal static class GatewayConfiguration
{
    public static readonly IConfiguration Settings = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false)
        .Build();

    /// <summary>The contracts of every service the gateway's list names.</summary>
    public static IReadOnlyList<ServiceDescriptor> Contracts => GatewayContracts.From(Settings).Services;
}
