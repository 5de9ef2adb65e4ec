namespace Paradiplomacy.Programs.Domain;

/// <summary>Planned → approved → in progress → completed; postponed or cancelled on the way.</summary>
public enum ProgramStatus
{
    Planned = 1,
    Approved = 2,
    InProgress = 3,
    Postponed = 4,
    Completed = 5,
    Cancelled = 6,
}
