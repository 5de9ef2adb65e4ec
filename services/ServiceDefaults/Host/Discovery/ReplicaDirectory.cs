using System.Text.Json;
using StackExchange.Redis;

namespace Paradiplomacy.HostDefaults.Discovery;

/// <summary>Which replicas of each service run now, and where: each replica announces its own addresses
/// every few seconds (a lease), withdraws them when it stops, and the gateway balances over what is
/// announced. Kept in Redis, shared by every gateway replica; one hash per service, one field per replica.
/// A replica that dies without withdrawing drops out when its lease runs out.</summary>
public sealed class ReplicaDirectory(IConnectionMultiplexer redis, TimeProvider clock)
{
    /// <summary>Announcements are renewed at a third of this; older ones are not served.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    /// <summary>Where a replica that arrives or leaves says so, for the gateway to look again at once.</summary>
    public static readonly RedisChannel Changes = RedisChannel.Literal("replicas:changed");

    private static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(5);

    /// <summary>Announces (or renews) a replica; says on <see cref="Changes"/> when it is new.</summary>
    public async Task AnnounceAsync(ReplicaAddress replica)
    {
        var db = redis.GetDatabase();
        var entry = JsonSerializer.Serialize(new Entry(replica.Http.ToString(), replica.Grpc.ToString(), clock.GetUtcNow().ToUnixTimeMilliseconds()));
        if (await db.HashSetAsync(Key(replica.Service), replica.Id, entry))
        {
            await redis.GetSubscriber().PublishAsync(Changes, replica.Service);
        }
    }

    /// <summary>Takes a stopping replica out at once, rather than when its lease runs out.</summary>
    public async Task WithdrawAsync(string service, string id)
    {
        if (await redis.GetDatabase().HashDeleteAsync(Key(service), id))
        {
            await redis.GetSubscriber().PublishAsync(Changes, service);
        }
    }

    /// <summary>The replicas of a service whose lease holds; announcements long expired are removed.</summary>
    public async Task<IReadOnlyList<ReplicaAddress>> ListAsync(string service)
    {
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow();
        var replicas = new List<ReplicaAddress>();
        var forgotten = new List<RedisValue>();
        foreach (var field in await db.HashGetAllAsync(Key(service)))
        {
            var entry = JsonSerializer.Deserialize<Entry>(field.Value.ToString())!;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(entry.At);
            if (now - at <= Lease)
            {
                replicas.Add(new ReplicaAddress(service, field.Name.ToString(), new Uri(entry.Http), new Uri(entry.Grpc), at));
            }
            else if (now - at > Forgotten)
            {
                forgotten.Add(field.Name);
            }
        }
        if (forgotten.Count > 0)
        {
            await db.HashDeleteAsync(Key(service), [.. forgotten]);
        }
        return replicas.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static RedisKey Key(string service) => $"replicas:{service}";

    private sealed record Entry(string Http, string Grpc, long At);
}
