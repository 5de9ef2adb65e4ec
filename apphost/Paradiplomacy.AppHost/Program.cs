using Paradiplomacy.AppHost.Extensions;
using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Commands;
using Paradiplomacy.Hosting.Operations;
using Paradiplomacy.Hosting.Postgres;
using Paradiplomacy.Hosting.RabbitMQ;
using Paradiplomacy.Hosting.Redis;

namespace Paradiplomacy.AppHost;

/// <summary>The system's resources and who references and waits for whom. The end-to-end tests start
/// this very program through Aspire.Hosting.Testing.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = AppHostArguments.ToConfiguration(args),
        });
        var infrastructure = InfrastructureModeDetection.Choose(builder.Configuration);
        var state = StateFolder.Open(builder.Configuration);
        builder.AddStateFolderReports(state);

        // Infrastructure: one PostgreSQL with a database per service, Redis, RabbitMQ.
        var postgres = builder.AddPlatformPostgres("postgres", infrastructure, state);
        var cache = builder.AddPlatformRedis("cache", infrastructure, state);
        var eventbus = builder.AddPlatformRabbitMQ("eventbus", infrastructure, state);
        postgres.Server.WithDevelopmentReset(cache, eventbus);

        // The development OIDC authority; in production Identity__Authority names the national one.
        var identity = builder.AddDevelopmentIdentity<Projects.Paradiplomacy_Identity>("identity", state);
        var platform = new PlatformResources(postgres, cache, eventbus, identity, builder.IdentityUrl(), builder.GatewayUrl());

        // The services, each with its own database "{name}-db"; a service that calls another over gRPC references it.
        // They start side by side, not one after another: what one needs from another at start (a catch-up)
        // it asks for again until answered, and calls made while a peer is starting are retried.
        var registry = builder.AddPlatformService<Projects.Paradiplomacy_Registry>("registry", platform);
        var agreements = builder.AddPlatformService<Projects.Paradiplomacy_Agreements>("agreements", platform)
            .WithReference(registry);
        // Programs learns of agreements from their events, and once at start asks for those in effect it missed.
        var programs = builder.AddPlatformService<Projects.Paradiplomacy_Programs>("programs", platform)
            .WithReference(agreements);
        // Funding keeps programs from their events, and asks the programs service of one it has not heard of yet.
        builder.AddPlatformService<Projects.Paradiplomacy_Funding>("funding", platform)
            .WithReference(programs);
        // Meetings keeps agreements and programs from their events (catching up once on the agreements in effect)
        // and asks the registry for the zone of each city it meets in; its feeds are reached through the gateway.
        builder.AddPlatformService<Projects.Paradiplomacy_Meetings>("meetings", platform)
            .WithReference(registry)
            .WithReference(agreements)
            .WithEnvironment("Meetings__PublicBaseUrl", platform.GatewayUrl);

        // The gateway in front of every service above: REST on 8080, gRPC on 8081.
        var gateway = builder.AddGateway<Projects.Paradiplomacy_Gateway>("gateway", platform);

        // The web portal at the gateway's "/", a client of the API like any other.
        builder.AddPortal<Projects.Paradiplomacy_Portal>("portal", platform, gateway);

        builder.Build().Run();
    }
}
