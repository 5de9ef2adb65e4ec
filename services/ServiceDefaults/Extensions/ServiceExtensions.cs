using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Discovery;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.ServiceDefaults;

/// <summary>Everything a service of the platform is made of besides its own domain: the host defaults,
/// caller authentication, gRPC with JSON transcoding, its database "{name}-db", Redis, the event bus
/// with its outbox relay, the shared write path, and its place in the replica directory. A service's AddApplicationServices calls
/// <see cref="AddServiceDefaults{TContext}"/> and adds only what is its own.</summary>
public static class ServiceExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults<TContext>(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null, int maxMessageBytes = GrpcExtensions.DefaultMaxMessageBytes)
        where TContext : ServiceDbContext
    {
        builder.AddHostDefaults();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("MassTransit").AddNpgsql())
            .WithMetrics(metrics => metrics.AddMeter("MassTransit"));
        builder.AddDefaultAuthentication();
        builder.AddGrpcDefaults(maxMessageBytes);
        builder.AddServiceDatabase<TContext>($"{serviceName}-db");
        builder.AddRedis();
        builder.AddEventBus<TContext>(serviceName, consumers);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<ReplicaAnnouncer>(services, serviceName));
        builder.Services.AddScoped(typeof(AggregateWriter<>));
        return builder;
    }

    /// <summary>A service's whole Program: builds it with <paramref name="addApplicationServices"/>,
    /// maps its gRPC service, migrates (and seeds) the database under the migration lock, then serves,
    /// callers authenticated before any endpoint, with health and reflection.</summary>
    public static async Task RunServiceAsync<TContext, TGrpcService>(string[] args, Action<WebApplicationBuilder> addApplicationServices)
        where TContext : ServiceDbContext
        where TGrpcService : class
    {
        var builder = WebApplication.CreateBuilder(args);
        addApplicationServices(builder);
        var app = builder.Build();
        app.MapGrpcService<TGrpcService>();
        await app.MigrateDatabaseAsync<TContext>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapGrpcDefaults();
        await app.RunAsync();
    }
}
