namespace Paradiplomacy.Funding.Domain;

/// <summary>One line of a booked transaction: an account debited or credited, in the original currency
/// and in rupiah. Entries are only ever added; every figure of a program is a sum of them.</summary>
public sealed class LedgerEntry
{
    public long Id { get; init; }
    public required string ProgramId { get; init; }
    public required string TransactionId { get; init; }
    public int Line { get; init; }
    public TransactionKind Kind { get; init; }
    public Account Account { get; init; }
    public bool Debit { get; init; }
    /// <summary>Empty where the account has no source (an expenditure's credit to cash).</summary>
    public string SourceId { get; init; } = string.Empty;
    public BudgetCategory Category { get; init; }
    public int FiscalYear { get; init; }
    public required string Currency { get; init; }
    /// <summary>Positive, in the currency's minor units; <see cref="Debit"/> gives the side.</summary>
    public long AmountMinor { get; init; }
    public long IdrMinor { get; init; }
    public decimal Rate { get; init; }
    public DateOnly RateDate { get; init; }
    public DateOnly ValueDate { get; init; }
    /// <summary>The commitment, tranche or expenditure it books.</summary>
    public required string Reference { get; init; }
    public string Description { get; init; } = string.Empty;
    public string? Reverses { get; init; }
    public required string BookedBy { get; init; }
    public DateTimeOffset BookedAt { get; init; }

    /// <summary>Debits count up, credits down: an account's balance is the sum of this over its entries.</summary>
    public long SignedMinor => Debit ? AmountMinor : -AmountMinor;

    public long SignedIdr => Debit ? IdrMinor : -IdrMinor;
}
