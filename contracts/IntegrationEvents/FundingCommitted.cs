namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A source pledged money (or a contribution in kind, at its valuation) to a program.</summary>
public sealed record FundingCommitted(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string CommitmentId, string SourceId, string SourceKind, string Party, string Currency, long AmountMinor, long IdrMinor, bool InKind, int FiscalYear)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
