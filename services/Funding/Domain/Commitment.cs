namespace Paradiplomacy.Funding.Domain;

/// <summary>A source's pledge to a program, in the source's currency; in kind at its valuation.</summary>
public sealed class Commitment
{
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    public Party Party { get; init; }
    public required Amount Value { get; init; }
    public int FiscalYear { get; init; }
    public DateOnly CommittedOn { get; init; }
    public bool InKind { get; init; }
    public string? ValuationBasis { get; init; }
    public string? Reference { get; init; }
    public TransactionKind Kind { get; init; }
    public required string TransactionId { get; init; }
    public string? ReversedBy { get; set; }
    public required string RecordedBy { get; init; }

    public bool IsReversed => ReversedBy is not null;
}
