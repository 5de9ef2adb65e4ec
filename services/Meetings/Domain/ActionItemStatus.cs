namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum ActionItemStatus
{
    Open = 1,
    Done = 2,
    Dropped = 3,
}
