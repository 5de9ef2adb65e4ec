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
    private readonly string _origin = Guid.NewGuid().ToString("N");
    // Cities changed while Redis was away: their shared copies are dropped, and others told, once it is back.
    private readonly ConcurrentDictionary<string, byte> _unannounced = new(StringComparer.Ordinal);

    public CityCache(IConnectionMultiplexer redis, TimeProvider clock, ILogger<CityCache> logger)
    {
        _redis = redis;
        _clock = clock;
        _logger = logger;
        _redis.ConnectionRestored += (_, _) => _ = AnnounceMissedAsync();
        try
        {
            _redis.GetSubscriber().Subscribe(_channel, (_, message) =>
            {
                // "origin|id": this replica hears its own announcements too, and has already acted on them.
                var text = message.ToString();
                var bar = text.IndexOf('|', StringComparison.Ordinal);
                if (bar >= 0 && text.AsSpan(0, bar).SequenceEqual(_origin))
                {
                    return;
                }
                var id = bar >= 0 ? text[(bar + 1)..] : text;
                _local.TryRemove(id, out (V1.City, DateTimeOffset) _);
                Changed?.Invoke(id);
            });
        }
        catch (RedisException ex)
        {
            _logger.LogWarning("City cache invalidation channel unavailable: {Error}", ex.Message);
        }
    }

    /// <summary>A city changed on another replica (the search index follows it).</summary>
    public event Action<string>? Changed;

    // Where reads were answered from: the dashboard charts the hit rate from it.
    private static readonly Counter<long> Lookups = Telemetry.Meter.CreateCounter<long>("paradiplomacy.cache.lookups", unit: "{lookup}");

    private static RedisKey Key(string id) => $"registry:city:v1:{id}";

    public async Task<V1.City?> GetAsync(string id) => (await GetManyAsync([id])).GetValueOrDefault(id);

    /// <summary>The cached ones of <paramref name="ids"/>: from memory, the rest in one round trip to Redis.</summary>
    public async Task<Dictionary<string, V1.City>> GetManyAsync(IReadOnlyList<string> ids)
    {
        var found = new Dictionary<string, V1.City>(ids.Count, StringComparer.Ordinal);
        var now = _clock.GetUtcNow();
        var remote = new List<string>();
        foreach (var id in ids)
        {
            if (_local.TryGetValue(id, out var entry) && entry.Expires > now)
            {
                found[id] = entry.City;
            }
            else
            {
                remote.Add(id);
            }
        }
        Lookups.Add(found.Count, new KeyValuePair<string, object?>("result", "memory"));
        // With Redis away, reads go straight to the database: waiting for its timeouts would make every
        // read take seconds instead of milliseconds.
        if (remote.Count == 0 || !_redis.IsConnected)
        {
            return found;
        }
        try
        {
            var values = await _redis.GetDatabase().StringGetAsync([.. remote.Select(Key)]);
            for (var i = 0; i < remote.Count; i++)
            {
                Lookups.Add(1, new KeyValuePair<string, object?>("result", values[i].HasValue ? "redis" : "miss"));
                if (values[i].HasValue)
                {
                    var city = V1.City.Parser.ParseFrom((byte[])values[i]!);
                    Remember(city);
                    found[city.Id] = city;
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            _logger.LogWarning("City cache read failed for {Count} cities: {Error}", remote.Count, ex.Message);
        }
        return found;
    }

    public async Task SetAsync(V1.City city)
    {
        Remember(city);
        if (!_redis.IsConnected)
        {
            return;
        }
        try
        {
            await _redis.GetDatabase().StringSetAsync(Key(city.Id), city.ToByteArray(), SharedTtl);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            _logger.LogWarning("City cache write failed for {CityId}: {Error}", city.Id, ex.Message);
        }
    }

    public async Task InvalidateAsync(string id)
    {
        _local.TryRemove(id, out _);
        if (!_redis.IsConnected)
        {
            // Other replicas cannot hear of it now (their copies expire with the local lifetime); Redis's copy
            // is dropped once it is back.
            _unannounced[id] = 0;
            return;
        }
        try
        {
            await _redis.GetDatabase().KeyDeleteAsync(Key(id));
            await _redis.GetSubscriber().PublishAsync(_channel, $"{_origin}|{id}");
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            _unannounced[id] = 0;
            _logger.LogWarning("City cache invalidation failed for {CityId}: {Error}", id, ex.Message);
        }
    }

    private async Task AnnounceMissedAsync()
    {
        foreach (var id in _unannounced.Keys)
        {
            _unannounced.TryRemove(id, out _);
            await InvalidateAsync(id);
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
