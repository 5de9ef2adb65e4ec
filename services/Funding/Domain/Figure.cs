namespace Paradiplomacy.Funding.Domain;

/// <summary>The figures a ledger listing can explain.</summary>
public enum Figure
{
    Unspecified,
    Committed,
    Disbursed,
    Spent,
    Available,
}
