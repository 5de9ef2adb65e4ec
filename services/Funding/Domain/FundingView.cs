namespace Paradiplomacy.Funding.Domain;

/// <summary>How much of a program's money a caller sees: nothing (a planned program's to the public), the public facts (approved budget, totals, sources), the parties' (with pledges and tranches), or everything (people, expenditures, receipts, the ledger).</summary>
public enum FundingView
{
    None,
    Public,
    Party,
    Full,
}
