namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum OccurrenceStatus
{
    Planned = 1,
    Moved = 2,
    Cancelled = 3,
    Held = 4,
}
