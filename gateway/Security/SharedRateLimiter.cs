using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Security;

/// <summary>A fixed one-minute window per caller, shared by every gateway replica through Redis without
/// a round trip per call (that round trip was most of a rate-limited call's cost): each replica counts
/// locally and adds its count to the caller's key every <see cref="SyncInterval"/> (INCRBY answers with
/// the total of all replicas). A caller is refused once the last shared total plus what this replica
/// has counted since passes its limit, so the replicas together can overshoot by what they admit in
/// one interval. With Redis unreachable each replica still holds the caller to the limit by its own count.</summary>
public sealed class SharedRateLimiter(IConnectionMultiplexer redis, TimeProvider clock, ILogger<SharedRateLimiter> log) : BackgroundService
{
    public static readonly TimeSpan SyncInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts the request; returns how long to wait when over <paramref name="perMinute"/>.</summary>
    public TimeSpan? Check(string caller, int perMinute)
    {
        if (perMinute <= 0)
        {
            return null;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var minute = now / 60;
        if (!_windows.TryGetValue(caller, out var window) || window.Minute != minute)
        {
            window = _windows.AddOrUpdate(caller, _ => new Window(minute), (_, old) => old.Minute == minute ? old : new Window(minute));
        }
        return window.Count() > perMinute ? TimeSpan.FromSeconds(60 - (now % 60)) : null;
    }

    /// <summary>Adds what this replica counted since the last pass to the shared counts, and learns the
    /// totals: one pipelined INCRBY per caller seen in this minute.</summary>
    public async Task SyncAsync()
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var sent = new List<(Window Window, long Added, Task<long> Total)>();
        var batch = redis.GetDatabase().CreateBatch();
        foreach (var (caller, window) in _windows)
        {
            if (window.Minute < minute - 1)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(caller, window));
                continue;
            }
            // A window of this minute is read back even with nothing to add: other replicas may have counted.
            var added = window.TakeUnsynced();
            if (added == 0 && window.Minute != minute)
            {
                continue;
            }
            var key = (RedisKey)$"gateway:rate:{caller}:{window.Minute}";
            sent.Add((window, added, batch.StringIncrementAsync(key, added)));
            if (window.NeedsExpiry())
            {
                // Once per window and replica: the key outlives its minute only long enough for the last syncs.
                _ = batch.KeyExpireAsync(key, TimeSpan.FromSeconds(120), flags: CommandFlags.FireAndForget);
            }
        }
        if (sent.Count == 0)
        {
            return;
        }
        batch.Execute();
        Exception? failure = null;
        foreach (var (window, added, total) in sent)
        {
            try
            {
                window.Synced(await total, added);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                window.NotSynced(added);
                failure = e;
            }
        }
        if (failure is not null)
        {
            log.LogWarning(failure, "Rate-limit counts not shared through Redis; this replica limits by its own count until it can");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SyncInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SyncAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Rate-limit counts not shared through Redis");
            }
        }
    }

    /// <summary>One caller's minute: the shared total as last read, what is on its way to Redis, and what
    /// was counted here since. Only the sync pass writes the first two.</summary>
    private sealed class Window(long minute)
    {
        private long _shared;
        private long _sending;
        private long _unsynced;

        private int _expirySent;

        public long Minute { get; } = minute;

        public bool NeedsExpiry() => Interlocked.Exchange(ref _expirySent, 1) == 0;

        public long Count() => Interlocked.Increment(ref _unsynced) + Volatile.Read(ref _sending) + Volatile.Read(ref _shared);

        public long TakeUnsynced()
        {
            var taken = Interlocked.Exchange(ref _unsynced, 0);
            Volatile.Write(ref _sending, taken);
            return taken;
        }

        // The total already includes what was sent: set it before clearing the sent count, so a
        // concurrent Count over-reads for an instant rather than under-reads.
        public void Synced(long total, long sent)
        {
            Volatile.Write(ref _shared, Math.Max(total, Volatile.Read(ref _shared) + sent));
            Volatile.Write(ref _sending, 0);
        }

        public void NotSynced(long sent)
        {
            Interlocked.Add(ref _unsynced, sent);
            Volatile.Write(ref _sending, 0);
        }
    }
}
