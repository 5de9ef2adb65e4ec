namespace Paradiplomacy.Funding.Domain;

/// <summary>A planned payment of part of a source's pledge: requested by one person, approved by another,
/// then recorded as paid (at the rate of the day it was paid).</summary>
public sealed class Tranche
{
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    /// <summary>The amount planned, valued at the rate of the day it was planned.</summary>
    public required Amount Planned { get; init; }
    public int FiscalYear { get; init; }
    public DateOnly PlannedDate { get; init; }
    public string? Description { get; init; }
    public TrancheStatus Status { get; set; }
    public string? RequestedBy { get; set; }
    public string? ApprovedBy { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>As paid, at the rate of <see cref="PaidOn"/>.</summary>
    public Amount? Paid { get; set; }
    public TransactionKind Kind { get; init; }
    public string? TransactionId { get; set; }
    public List<string> Rejections { get; init; } = [];
    /// <summary>Payments recorded and then reversed (the tranche went back to planned).</summary>
    public List<string> ReversedTransactions { get; init; } = [];
}
