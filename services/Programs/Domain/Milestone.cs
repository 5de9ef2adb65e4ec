namespace Paradiplomacy.Programs.Domain;

public sealed class Milestone
{
    public required string Id { get; init; }
    public MilestoneKind Kind { get; init; }
    public required string Title { get; init; }
    public DateOnly DueDate { get; set; }
    public MilestoneStatus Status { get; set; } = MilestoneStatus.NotStarted;
    public DateOnly? DoneOn { get; set; }

    public bool IsOpen => Status is MilestoneStatus.NotStarted or MilestoneStatus.Underway;

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}
