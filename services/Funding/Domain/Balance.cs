namespace Paradiplomacy.Funding.Domain;

/// <summary>An account's running balance (debits less credits) for one source, budget line, fiscal year
/// and currency, kept with every booking so figures and reports never re-add millions of entries; a test
/// and <c>ListTransactions</c> check it against the sum of the entries.</summary>
public sealed class Balance
{
    /// <summary>"CASH|src-apbd-31||2027|EUR": the account and its dimensions.</summary>
    public required string Key { get; init; }
    public Account Account { get; init; }
    public string SourceId { get; init; } = string.Empty;
    public BudgetCategory Category { get; init; }
    public int FiscalYear { get; init; }
    public required string Currency { get; init; }
    public long AmountMinor { get; set; }
    public long IdrMinor { get; set; }

    public static string KeyOf(Account account, string sourceId, BudgetCategory category, int fiscalYear, string currency) =>
        $"{account}|{sourceId}|{(category == BudgetCategory.Unspecified ? string.Empty : category)}|{fiscalYear}|{currency}";
}
