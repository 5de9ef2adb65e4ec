namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A tranche of a source's pledge was asked to be disbursed.</summary>
public sealed record DisbursementRequested(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string TrancheId, string SourceId, string Currency, long AmountMinor, DateOnly PlannedDate)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
