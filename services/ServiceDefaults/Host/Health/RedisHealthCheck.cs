using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Paradiplomacy.HostDefaults.Health;

/// <summary>Healthy when Redis answers PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING", ex);
        }
    }
}
