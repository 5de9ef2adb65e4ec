using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Commands;
using Paradiplomacy.Hosting.Supervision;

namespace Paradiplomacy.AppHost.Extensions;

public static class PlatformServiceExtensions
{
    /// <summary>The development OIDC authority on a fixed loopback port (Paradiplomacy:IdentityPort,
    /// default 18887), so tokens made by `token` offline carry the issuer the services expect.</summary>
    public static IResourceBuilder<ProjectResource> AddDevelopmentIdentity<TProject>(this IDistributedApplicationBuilder builder, string name, StateFolder state)
        where TProject : IProjectMetadata, new()
    {
        var port = builder.Configuration.GetValue("Paradiplomacy:IdentityPort", 18887);
        return builder.AddProject<TProject>(name)
            .WithBuiltProgram()
            .WithEndpoint("http", e => Fixed(e, port))
            .WithEnvironment("Identity__StateDirectory", state.Path)
            .WithEnvironment("Identity__Issuer", builder.IdentityUrl())
            .WithUrlForEndpoint("http", url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithHttpHealthCheck("/health")
            .WithIconName("PersonKey");
    }

    /// <summary>The development identity provider's issuer URL (Paradiplomacy:IdentityPort, default 18887).</summary>
    public static string IdentityUrl(this IDistributedApplicationBuilder builder) =>
        $"http://127.0.0.1:{builder.Configuration.GetValue("Paradiplomacy:IdentityPort", 18887)}";

    /// <summary>The gateway's REST URL (Paradiplomacy:GatewayHttpPort, default 8080): the issuer of the
    /// tokens it signs for partners' API keys.</summary>
    public static string GatewayUrl(this IDistributedApplicationBuilder builder) =>
        $"http://127.0.0.1:{builder.Configuration.GetValue("Paradiplomacy:GatewayHttpPort", 8080)}";

    /// <summary>A platform service: its own database "{name}-db" and the cache (waiting for each to be
    /// healthy), the bus, the identity authorities, /health as its readiness, replicas from
    /// Paradiplomacy:Replicas:{name}, its queues' type (Paradiplomacy:QueueType: classic, or quorum as on a
    /// clustered broker), the operator's error-queue replay, and a place behind the gateway.
    /// Its two Kestrel endpoints (http: HTTP/1.1, grpc: HTTP/2) come from its appsettings.json.</summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(this IDistributedApplicationBuilder builder, string name,
        PlatformResources platform)
        where TProject : IProjectMetadata, new()
    {
        var database = platform.Postgres.AddDatabase($"{name}-db");
        var service = builder.AddProject<TProject>(name)
            .WithBuiltProgram()
            .WithReference(database)
            .WaitFor(database)
            // Not waiting for the bus: RabbitMQ takes 10-16 s to boot on one core, time a service uses to
            // start; MassTransit connects once the broker listens, and /health waits for that.
            .WithReference(platform.EventBus)
            .WithPlatformDefaults(platform)
            .WithEnvironment("Identity__GatewayAuthority", platform.GatewayUrl)
            .WithEnvironment("EventBus__QueueType", builder.Configuration.GetValue("Paradiplomacy:QueueType", "classic"))
            .WithErrorQueueReplay(platform.EventBus);
        var replicas = builder.Configuration.GetValue($"Paradiplomacy:Replicas:{name}", 1);
        platform.Services.Add(service);
        return replicas > 1 ? service.WithReplicas(replicas) : service;
    }

    /// <summary>The gateway on fixed loopback ports (8080 REST, 8081 gRPC unless configured), without
    /// DCP's proxy in front, so partners and benchmarks meet the gateway itself.</summary>
    public static IResourceBuilder<ProjectResource> AddGateway<TProject>(this IDistributedApplicationBuilder builder, string name, PlatformResources platform)
        where TProject : IProjectMetadata, new()
    {
        var httpPort = builder.Configuration.GetValue("Paradiplomacy:GatewayHttpPort", 8080);
        var grpcPort = builder.Configuration.GetValue("Paradiplomacy:GatewayGrpcPort", 8081);
        var gateway = builder.AddProject<TProject>(name).WithBuiltProgram();
        // What a newcomer needs once everything is up, in the AppHost's own console.
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (ready, _) =>
        {
            ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Paradiplomacy.AppHost").LogInformation(
                "Every service is healthy. Portal: http://127.0.0.1:{HttpPort}/  Gateway: http://127.0.0.1:{HttpPort} (REST/JSON, docs at /docs)  http://127.0.0.1:{GrpcPort} (gRPC)", httpPort, httpPort, grpcPort);
            return Task.CompletedTask;
        });
        // In front of every platform service added before it: their endpoints by service discovery. It
        // starts beside them, and its own health check (every destination healthy) makes it ready only once they are.
        foreach (var service in platform.Services)
        {
            gateway.WithReference(service);
        }
        return gateway
            .WithEndpoint("http", e => Fixed(e, httpPort))
            .WithEndpoint("grpc", e => Fixed(e, grpcPort))
            .WithPlatformDefaults(platform)
            .WithEnvironment("Gateway__Issuer", platform.GatewayUrl)
            .WithUrlForEndpoint("http", url => url.DisplayText = "REST/JSON")
            .WithUrlForEndpoint("grpc", url => url.DisplayText = "gRPC")
            .WithUrl($"{platform.GatewayUrl}/docs", "API docs (OpenAPI)")
            .WithIconName("Globe");
    }

    /// <summary>The web portal, served by the gateway at "/" of its REST port: the gateway forwards every path no API
    /// claims to it (Gateway__Portal__Service), and it calls the API back through the gateway's gRPC port with the
    /// signed-in person's token. The gateway is told to take the portal's word for its visitors' addresses (their
    /// anonymous rate limit), which here on loopback is any local caller's: a development setting.</summary>
    public static IResourceBuilder<ProjectResource> AddPortal<TProject>(this IDistributedApplicationBuilder builder, string name, PlatformResources platform,
        IResourceBuilder<ProjectResource> gateway)
        where TProject : IProjectMetadata, new()
    {
        var portal = builder.AddProject<TProject>(name)
            .WithBuiltProgram()
            .WithReference(gateway)
            .WithPlatformDefaults(platform)
            .WithUrl($"{platform.GatewayUrl}/", "Portal")
            .WithIconName("Window");
        var replicas = builder.Configuration.GetValue($"Paradiplomacy:Replicas:{name}", 1);
        gateway.WithReference(portal)
            .WithEnvironment("Gateway__Portal__Service", name)
            .WithEnvironment("Gateway__RateLimits__TrustedForwarders__0", "127.0.0.1");
        return replicas > 1 ? portal.WithReplicas(replicas) : portal;
    }

    private static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> service, PlatformResources platform)
    {
        service.WithReference(platform.Cache)
            .WaitFor(platform.Cache)
            .WithEnvironment("Identity__Authority", platform.IdentityUrl)
            .WaitFor(platform.Identity)
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithRestartOnCrash()
            // One core's worth of GC per process: Server GC on two cores costs memory and gains nothing here.
            .WithEnvironment("DOTNET_gcServer", "0");
        if (!service.ApplicationBuilder.Configuration.GetValue("Paradiplomacy:TelemetryExport", true))
        {
            // The OpenTelemetry spec's switch: measures what export costs (bench/telemetry-cost.sh).
            foreach (var signal in new[] { "TRACES", "METRICS", "LOGS" })
            {
                service.WithEnvironment($"OTEL_{signal}_EXPORTER", "none");
            }
        }
        return service;
    }

    /// <summary>A proxy-less endpoint: the process itself listens on this port.</summary>
    private static void Fixed(EndpointAnnotation endpoint, int port)
    {
        endpoint.IsProxied = false;
        endpoint.Port = port;
        endpoint.TargetPort = port;
    }
}
