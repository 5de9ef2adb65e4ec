namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A program's budget (or its revision) was approved by a finance approver of the region.</summary>
public sealed record BudgetApproved(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, int Revision, int FiscalYearFrom, int FiscalYearTo, long TotalIdrMinor)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
