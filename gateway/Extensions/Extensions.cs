using Grpc.Reflection;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace Paradiplomacy.Gateway.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var grpcPort = GrpcPort(builder.Configuration);
        var (routes, clusters) = ProxyConfiguration.Build(builder.Configuration, grpcPort);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        // Health probes of destinations must not retry for long: /health answers within seconds.
        builder.Services.AddHttpClient(DestinationsHealthCheck.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHealthChecks().AddCheck<DestinationsHealthCheck>("destinations");
        // Server reflection answered by the gateway itself, over every service's contract, so tools
        // see one API however many services stand behind it.
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ReflectionServiceImpl(
            CityRegistry.Descriptor,
            Paradiplomacy.Contracts.Agreements.V1.Agreements.Descriptor));
        return builder;
    }

    /// <summary>The port of the Kestrel endpoint named "grpc" (HTTP/2), which gRPC routes are bound to.</summary>
    private static int GrpcPort(IConfiguration configuration)
    {
        var url = configuration["Kestrel:Endpoints:grpc:Url"] ?? "http://127.0.0.1:8081";
        return new Uri(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)).Port;
    }
}
