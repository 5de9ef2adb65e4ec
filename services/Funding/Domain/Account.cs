namespace Paradiplomacy.Funding.Domain;

/// <summary>The ledger's accounts of a program. Pledges: debit Receivable (or InKind), credit Pledged. A payment: debit Cash (by source), credit Receivable. An expenditure: debit Expense (by line), credit Cash.</summary>
public enum Account
{
    Unspecified,
    Pledged,
    Receivable,
    InKind,
    Cash,
    Expense,
}
