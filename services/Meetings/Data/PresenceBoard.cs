using System.Globalization;
using StackExchange.Redis;

namespace Paradiplomacy.Meetings.Data;

/// <summary>Who is in a meeting's virtual room now, in Redis so every replica sees the same room: a sorted
/// set per room of participant → when their presence expires. A join renews it; one who stops renewing
/// (closed the tab, lost the network) drops out after <see cref="Lifetime"/>; the room itself expires when empty.</summary>
public sealed class PresenceBoard(IConnectionMultiplexer redis, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private static RedisKey Room(string meetingId) => $"paradiplomacy:meetings:room:{meetingId}";

    private static RedisKey Joined(string meetingId) => $"paradiplomacy:meetings:room:{meetingId}:joined";

    public async Task JoinAsync(string meetingId, string participantId)
    {
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow();
        var batch = db.CreateBatch();
        var tasks = new List<Task>
        {
            batch.SortedSetAddAsync(Room(meetingId), participantId, (now + Lifetime).ToUnixTimeMilliseconds()),
            batch.HashSetAsync(Joined(meetingId), participantId, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), When.NotExists),
            batch.KeyExpireAsync(Room(meetingId), Lifetime * 2),
            batch.KeyExpireAsync(Joined(meetingId), Lifetime * 2),
        };
        batch.Execute();
        await Task.WhenAll(tasks);
    }

    public async Task LeaveAsync(string meetingId, string participantId)
    {
        var db = redis.GetDatabase();
        await db.SortedSetRemoveAsync(Room(meetingId), participantId);
        await db.HashDeleteAsync(Joined(meetingId), participantId);
    }

    /// <summary>Participant id → when they joined, for those whose presence has not expired.</summary>
    public async Task<IReadOnlyList<(string ParticipantId, DateTimeOffset JoinedAt)>> PresentAsync(string meetingId)
    {
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SortedSetRemoveRangeByScoreAsync(Room(meetingId), double.NegativeInfinity, now);
        var present = await db.SortedSetRangeByScoreAsync(Room(meetingId), now, double.PositiveInfinity);
        var joined = (await db.HashGetAllAsync(Joined(meetingId))).ToDictionary(e => e.Name.ToString(), e => long.Parse(e.Value.ToString(), CultureInfo.InvariantCulture));
        return [.. present.Select(p => p.ToString()).Select(p => (p, DateTimeOffset.FromUnixTimeMilliseconds(joined.GetValueOrDefault(p, now))))];
    }
}
