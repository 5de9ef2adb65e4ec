namespace Paradiplomacy.Funding.Domain;

/// <summary>A program's budget: its lines, whether approved, and by whom (never the one who set it).</summary>
public sealed record Budget(BudgetStatus Status, int Revision, IReadOnlyList<BudgetLine> Lines, string SetBy, string? ApprovedBy, DateTimeOffset? ApprovedAt)
{
    public static readonly Budget None = new(BudgetStatus.Unspecified, 0, [], string.Empty, null, null);

    public bool IsApproved => Status == BudgetStatus.Approved;

    public long TotalIdr => Lines.Sum(l => l.Value.IdrMinor);

    public BudgetLine? LineFor(BudgetCategory category, int fiscalYear) => Lines.FirstOrDefault(l => l.Category == category && l.FiscalYear == fiscalYear);
}
