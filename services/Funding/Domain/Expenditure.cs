namespace Paradiplomacy.Funding.Domain;

/// <summary>Money spent on a budget line, with its receipts: booked when recorded (or, beyond the funds
/// disbursed, once an approver allows the overrun), approved or rejected by a finance approver.</summary>
public sealed class Expenditure
{
    public required string Id { get; init; }
    public BudgetCategory Category { get; init; }
    public int FiscalYear { get; init; }
    public required Amount Value { get; init; }
    public DateOnly SpentOn { get; init; }
    public required string Description { get; init; }
    public string? Payee { get; init; }
    public ExpenditureStatus Status { get; set; }
    public bool Overrun { get; set; }
    public long OverrunIdrMinor { get; set; }
    public required string RecordedBy { get; init; }
    public string? ApprovedBy { get; set; }
    public string? Rejection { get; set; }
    public string? TransactionId { get; set; }
    public string? ReversedBy { get; set; }
    public List<Receipt> Receipts { get; init; } = [];

    /// <summary>Booked and not reversed: counted as spent.</summary>
    public bool IsBooked => TransactionId is not null && ReversedBy is null;
}
