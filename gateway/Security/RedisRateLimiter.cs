using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Security;

/// <summary>A fixed one-minute window per caller, counted in Redis so that every gateway replica
/// shares the same count.</summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, TimeProvider clock)
{
    /// <summary>Counts the request; returns how long to wait when over <paramref name="perMinute"/>.</summary>
    public async Task<TimeSpan?> CheckAsync(string caller, int perMinute)
    {
        if (perMinute <= 0)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / 60;
        var key = (RedisKey)$"gateway:rate:{caller}:{window}";
        var db = redis.GetDatabase();
        var count = await db.StringIncrementAsync(key);
        if (count == 1)
        {
            await db.KeyExpireAsync(key, TimeSpan.FromSeconds(120), flags: CommandFlags.FireAndForget);
        }
        return count > perMinute ? TimeSpan.FromSeconds(60 - (now.ToUnixTimeSeconds() % 60)) : null;
    }
}
