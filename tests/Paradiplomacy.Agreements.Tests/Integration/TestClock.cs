namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>A clock the tests move: the agreements service reads "today" from it.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
