namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A finance approver (not the requester) approved a tranche for payment.</summary>
public sealed record DisbursementApproved(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string TrancheId, string SourceId, string Currency, long AmountMinor)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
