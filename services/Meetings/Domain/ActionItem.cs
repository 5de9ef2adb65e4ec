namespace Paradiplomacy.Meetings.Domain;

/// <summary>What someone agreed to do after a meeting, by when.</summary>
public sealed class ActionItem
{
    public required string Id { get; init; }
    public string Title { get; set; } = null!;
    public string OwnerParticipantId { get; set; } = null!;
    public Side OwnerSide { get; set; }
    public DateOnly DueDate { get; set; }
    public ActionItemStatus Status { get; set; }
    public int? Decision { get; init; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The day ActionItemOverdue was announced for the due date it has now (so it is announced once).</summary>
    public DateOnly? OverdueAnnouncedFor { get; set; }

    public string CreatedBy { get; init; } = null!;

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;
}
