namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A booked transaction was corrected by its mirror image.</summary>
public sealed record TransactionReversed(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string TransactionId, string ReversalId, string Kind, string Reference, long IdrMinor, string Reason)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
