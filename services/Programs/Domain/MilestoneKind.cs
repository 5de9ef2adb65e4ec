namespace Paradiplomacy.Programs.Domain;

/// <summary>A point to reach, or a piece of work to do.</summary>
public enum MilestoneKind
{
    Milestone = 1,
    Activity = 2,
}
