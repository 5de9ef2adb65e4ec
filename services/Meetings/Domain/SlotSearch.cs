using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>What the time finder is asked: who, from when, how far ahead, how long, on which grid, how many.</summary>
public sealed record SlotSearch(IReadOnlyList<SlotSeeker> Seekers, Instant Earliest, int HorizonDays, Duration Length, Duration Step, int MaxSlots)
{
    public const int MaxHorizonDays = 90;
    public const int MaxSeekers = 50;

    public Instant Latest => Earliest + Duration.FromDays(HorizonDays);
}
