using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.AppHost;

/// <summary>The whole system, as resources and who depends on whom. Program.cs runs it; the
/// end-to-end tests start the very same description.</summary>
public static class SystemModel
{
    public static DistributedApplicationBuilder Describe(DistributedApplicationBuilder builder)
    {
        var identity = $"http://127.0.0.1:{builder.Options.DashboardPort}";
        // Services also accept the tokens the gateway signs for API-key callers (partners' systems).
        ServiceProject? gateway = null;
        string GatewayUrl() => gateway!.Instances[0].HttpUrl;

        var postgres = builder.AddPostgres("postgres");
        var registryDb = postgres.AddDatabase("registry-db");
        var agreementsDb = postgres.AddDatabase("agreements-db");
        var cache = builder.AddRedis("cache");
        var eventbus = builder.AddRabbitMQ("eventbus");

        var registry = builder.AddProject("registry", "services/Registry/Paradiplomacy.Registry.csproj")
            .WithReference(registryDb)
            .WithReference(cache)
            .WithReference(eventbus)
            .WithEnvironment("Identity__Authority", identity)
            .WithEnvironment("Identity__GatewayAuthority", GatewayUrl);

        var agreements = builder.AddProject("agreements", "services/Agreements/Paradiplomacy.Agreements.csproj")
            .WithReference(agreementsDb)
            .WithReference(cache)
            .WithReference(eventbus)
            .WithReference(registry)
            .WaitFor(registry)
            .WithEnvironment("Identity__Authority", identity)
            .WithEnvironment("Identity__GatewayAuthority", GatewayUrl);

        gateway = builder.AddProject("gateway", "gateway/Paradiplomacy.Gateway.csproj")
            .WithReference(registry)
            .WithReference(agreements)
            .WithReference(cache)
            .WaitFor(registry)
            .WaitFor(agreements)
            .WithEnvironment("Identity__Authority", identity)
            .WithEnvironment("Gateway__Issuer", GatewayUrl)
            .WithHttpEndpoint(builder.Options.GatewayHttpPort)
            .WithGrpcEndpoint(builder.Options.GatewayGrpcPort);

        return builder;
    }
}
