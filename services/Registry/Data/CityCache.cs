using Google.Protobuf;
using StackExchange.Redis;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Data;

/// <summary>Cached reads of a city (the response as protobuf bytes) in Redis. A change deletes the
/// entry after it commits; the TTL bounds staleness should a delete be lost. If Redis is away,
/// reads go to the database and nothing fails.</summary>
public sealed class CityCache(IConnectionMultiplexer redis, ILogger<CityCache> logger)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    private static RedisKey Key(string id) => $"registry:city:v1:{id}";

    public async Task<V1.City?> GetAsync(string id)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(id));
            return value.HasValue ? V1.City.Parser.ParseFrom((byte[])value!) : null;
        }
        catch (RedisException ex)
        {
            logger.LogWarning("City cache read failed for {CityId}: {Error}", id, ex.Message);
            return null;
        }
    }

    public async Task SetAsync(V1.City city)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(city.Id), city.ToByteArray(), Ttl);
        }
        catch (RedisException ex)
        {
            logger.LogWarning("City cache write failed for {CityId}: {Error}", city.Id, ex.Message);
        }
    }

    public async Task InvalidateAsync(string id)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(id));
        }
        catch (RedisException ex)
        {
            logger.LogWarning("City cache invalidation failed for {CityId}: {Error}", id, ex.Message);
        }
    }
}
