using Microsoft.Extensions.Logging.Abstractions;
using Paradiplomacy.Gateway.Security;
using Paradiplomacy.Testing;
using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Tests.Integration;

/// <summary>The gateway's rate limit on the AppHost's real Redis, as two gateway replicas share it.</summary>
public sealed class SharedRateLimiterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    // Mid-minute, so that no test crosses into the next window.
    private readonly TestClock _clock = new() { Now = new DateTimeOffset(2027, 1, 12, 12, 0, 30, TimeSpan.Zero) };

    private SharedRateLimiter Replica(IConnectionMultiplexer? connection = null) =>
        new(connection ?? redis.Connection, _clock, NullLogger<SharedRateLimiter>.Instance);

    private static int Admitted(SharedRateLimiter limiter, string caller, int calls, int perMinute) =>
        Enumerable.Range(0, calls).Count(_ => limiter.Check(caller, perMinute) is null);

    [Fact]
    public async Task Two_replicas_hold_a_caller_to_one_limit_once_they_have_synced()
    {
        var caller = $"officer-{Guid.NewGuid():N}";
        SharedRateLimiter a = Replica(), b = Replica();

        Assert.Equal(20, Admitted(a, caller, 20, perMinute: 30));
        await a.SyncAsync();
        Assert.Equal(1, Admitted(b, caller, 1, perMinute: 30));
        await b.SyncAsync(); // b learns a's 20
        Assert.Equal(9, Admitted(b, caller, 10, perMinute: 30));
        await b.SyncAsync();
        await a.SyncAsync(); // a learns b's 11

        Assert.NotNull(a.Check(caller, 30));
        Assert.NotNull(b.Check(caller, 30));
        await a.SyncAsync();
        await b.SyncAsync();
        // Every call was counted once, refused ones included, by one shared key.
        var key = $"gateway:rate:{caller}:{_clock.Now.ToUnixTimeSeconds() / 60}";
        Assert.Equal(33, (long)await redis.Connection.GetDatabase().StringGetAsync(key));
    }

    [Fact]
    public void The_refusal_says_how_long_until_the_minute_ends()
    {
        var limiter = Replica();
        var caller = $"partner-{Guid.NewGuid():N}";

        Assert.Equal(3, Admitted(limiter, caller, 4, perMinute: 3));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.Check(caller, 3));
        Assert.Null(limiter.Check(caller, 0)); // 0: not throttled (operators)

        _clock.Now = _clock.Now.AddSeconds(30); // the next minute
        Assert.Null(limiter.Check(caller, 3));
    }

    [Fact]
    public async Task Without_Redis_each_replica_still_limits_by_its_own_count_and_shares_it_once_Redis_answers()
    {
        var caller = $"anonymous@{Guid.NewGuid():N}";
        var options = ConfigurationOptions.Parse($"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var limiter = Replica(unreachable);

        Assert.Equal(5, Admitted(limiter, caller, 8, perMinute: 5));
        await limiter.SyncAsync(); // fails, and keeps the counts
        Assert.NotNull(limiter.Check(caller, 5));
    }
}
