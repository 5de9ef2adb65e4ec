namespace Paradiplomacy.Testing;

/// <summary>A clock the tests set and move (the agreements service reads "today" from it; the gateway's rate limiter its minute).</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
