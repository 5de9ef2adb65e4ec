using Paradiplomacy.Testing;
using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Tests.Integration;

/// <summary>The AppHost's Redis (with the infrastructure it starts beside it), without the services.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("gateway-tests", without: ["registry", "agreements", "programs", "funding", "meetings", "gateway"]);
        Connection = await ConnectionMultiplexer.ConnectAsync(await Infrastructure.ConnectionStringAsync("cache"));
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
