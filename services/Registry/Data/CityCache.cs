using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Google.Protobuf;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.ServiceDefaults;
using StackExchange.Redis;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Data;

/// <summary>Cached reads of a city, in two layers: this replica's memory (the hot path, no I/O) and
/// Redis (shared by replicas, the response as protobuf bytes). A change deletes the Redis entry after
/// it commits and announces the id on a Redis channel, on which every replica drops its own copy;
/// short TTLs bound staleness should a message be lost. If Redis is away, reads go to the database.</summary>
public sealed class CityCache : IDisposable
{
    private const string Channel = "registry:city-invalidated";
    private static readonly TimeSpan SharedTtl = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LocalTtl = TimeSpan.FromSeconds(30);
    private const int LocalCapacity = 20_000;

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<CityCache> _logger;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (V1.City City, DateTimeOffset Expires)> _local = new(StringComparer.Ordinal);
    private readonly RedisChannel _channel = RedisChannel.Literal(Channel);

    public CityCache(IConnectionMultiplexer redis, TimeProvider clock, ILogger<CityCache> logger)
    {
        _redis = redis;
        _clock = clock;
        _logger = logger;
        try
        {
            _redis.GetSubscriber().Subscribe(_channel, (_, id) =>
            {
                _local.TryRemove(id.ToString(), out (V1.City, DateTimeOffset) _);
                Changed?.Invoke(id.ToString());
            });
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("City cache invalidation channel unavailable: {Error}", ex.Message);
        }
    }

    /// <summary>A city changed, here or on another replica (the search index follows it).</summary>
    public event Action<string>? Changed;

    // Where reads were answered from: the dashboard charts the hit rate from it.
    private static readonly Counter<long> Lookups = Telemetry.Meter.CreateCounter<long>("paradiplomacy.cache.lookups", unit: "{lookup}");

    private static RedisKey Key(string id) => $"registry:city:v1:{id}";

    public async Task<V1.City?> GetAsync(string id)
    {
        if (_local.TryGetValue(id, out var entry) && entry.Expires > _clock.GetUtcNow())
        {
            Lookups.Add(1, new KeyValuePair<string, object?>("result", "memory"));
            return entry.City;
        }
        try
        {
            var value = await _redis.GetDatabase().StringGetAsync(Key(id));
            Lookups.Add(1, new KeyValuePair<string, object?>("result", value.HasValue ? "redis" : "miss"));
            if (!value.HasValue)
            {
                return null;
            }
            var city = V1.City.Parser.ParseFrom((byte[])value!);
            Remember(city);
            return city;
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("City cache read failed for {CityId}: {Error}", id, ex.Message);
            return null;
        }
    }

    public async Task SetAsync(V1.City city)
    {
        Remember(city);
        try
        {
            await _redis.GetDatabase().StringSetAsync(Key(city.Id), city.ToByteArray(), SharedTtl);
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("City cache write failed for {CityId}: {Error}", city.Id, ex.Message);
        }
    }

    public async Task InvalidateAsync(string id)
    {
        _local.TryRemove(id, out _);
        try
        {
            await _redis.GetDatabase().KeyDeleteAsync(Key(id));
            await _redis.GetSubscriber().PublishAsync(_channel, id);
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("City cache invalidation failed for {CityId}: {Error}", id, ex.Message);
        }
    }

    private void Remember(V1.City city)
    {
        if (_local.Count >= LocalCapacity)
        {
            // Crude but bounded: a full cache starts over rather than growing.
            _local.Clear();
        }
        _local[city.Id] = (city, _clock.GetUtcNow() + LocalTtl);
    }

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(_channel);
}
