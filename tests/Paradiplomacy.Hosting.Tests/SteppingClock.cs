namespace Paradiplomacy.Hosting.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
