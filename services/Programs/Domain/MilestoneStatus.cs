namespace Paradiplomacy.Programs.Domain;

/// <summary>Where a milestone or activity stands.</summary>
public enum MilestoneStatus
{
    NotStarted = 1,
    Underway = 2,
    Done = 3,
    Dropped = 4,
}
