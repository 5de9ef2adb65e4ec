namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An approver allowed an expenditure beyond the funds disbursed to the program.</summary>
public sealed record OverrunFlagged(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string ExpenditureId, long OverrunIdrMinor, long AvailableIdrMinor, string ApprovedBy)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
