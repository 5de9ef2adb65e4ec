using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Paradiplomacy.HostDefaults.Discovery;
using Paradiplomacy.HostDefaults.Health;
using StackExchange.Redis;

namespace Paradiplomacy.HostDefaults;

public static class RedisExtensions
{
    public const string CacheConnectionName = "cache";

    /// <summary>Redis (ConnectionStrings:cache) for caching, rate limits, locks and the replica directory, with a
    /// PING health check.</summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder, string connectionName = CacheConnectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is away; callers fall back and the health check reports it.
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ReplicaDirectory>();
        return builder;
    }
}
