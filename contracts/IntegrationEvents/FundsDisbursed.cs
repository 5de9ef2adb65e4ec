namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A tranche was paid: the program may spend it.</summary>
public sealed record FundsDisbursed(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string TrancheId, string SourceId, string Currency, long AmountMinor, long IdrMinor, DateOnly PaidOn, string TransactionId)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
