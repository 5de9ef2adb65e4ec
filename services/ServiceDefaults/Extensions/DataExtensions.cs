using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Paradiplomacy.ServiceDefaults.Health;
using Paradiplomacy.ServiceDefaults.Messaging;
using StackExchange.Redis;

namespace Paradiplomacy.ServiceDefaults;

public static class DataExtensions
{
    public const string CacheConnectionName = "cache";

    /// <summary>The service's own PostgreSQL database (ConnectionStrings:<paramref name="connectionName"/>),
    /// its DbContext with the outbox signal, and a health check that queries it.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString)
            .EnableDynamicJson()
            // Only queries made for a request or a message are traced; the relay's idle polling would
            // otherwise fill the trace list with one-span traces.
            .ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null))
            .Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.TryAddOutboxSignal();
        builder.Services.AddDbContext<TContext>((sp, options) =>
        {
            options.UseNpgsql(dataSource).AddInterceptors(sp.GetRequiredService<OutboxSignal>());
            configure?.Invoke(options);
        });
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        return builder;
    }

    /// <summary>Redis (ConnectionStrings:cache) for caching, rate limits and locks, with a PING health check.</summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder, string connectionName = CacheConnectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is away; callers fall back and the health check reports it.
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }

    private static void TryAddOutboxSignal(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(OutboxSignal)))
        {
            services.AddSingleton<OutboxSignal>();
        }
    }
}
