namespace Paradiplomacy.Meetings.Tests.Integration;

/// <summary>The real clock moved by <see cref="Shift"/>: the meetings service lives "a week later" while
/// everything else (tokens, Redis expiry) keeps real time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Shift;

    /// <summary>Moves the clock so that it reads <paramref name="moment"/> now.</summary>
    public void MoveTo(DateTimeOffset moment) => Shift = moment - TimeProvider.System.GetUtcNow();
}
