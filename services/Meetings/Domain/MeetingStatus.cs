namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum MeetingStatus
{
    Scheduled = 1,
    Concluded = 2,
    Cancelled = 3,
}
