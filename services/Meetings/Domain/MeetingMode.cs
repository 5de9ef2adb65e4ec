namespace Paradiplomacy.Meetings.Domain;

/// <summary>Numbered as the contract's enum.</summary>
public enum MeetingMode
{
    Virtual = 1,
    Hybrid = 2,
    InPerson = 3,
}
