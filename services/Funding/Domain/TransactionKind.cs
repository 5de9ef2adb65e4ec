namespace Paradiplomacy.Funding.Domain;

/// <summary>IATI's transaction type codes, so a program's money exports as an IATI activity: the region
/// reports, so its own budget's pledge is an (outgoing) commitment and its payment a disbursement, while
/// other sources' pledges are incoming commitments and their payments incoming funds.</summary>
public enum TransactionKind
{
    Unspecified = 0,
    IncomingFunds = 1,
    Commitment = 2,
    Disbursement = 3,
    Expenditure = 4,
    IncomingCommitment = 11,
}
