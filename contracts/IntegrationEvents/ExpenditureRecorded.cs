namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An expenditure was booked against a budget line.</summary>
public sealed record ExpenditureRecorded(
    string ProgramId, int FundingVersion, string RegionCode, string AgreementId, string Actor, string ExpenditureId, string Category, int FiscalYear, string Currency, long AmountMinor, long IdrMinor, DateOnly SpentOn, bool Overrun, string TransactionId)
    : FundingEvent(ProgramId, FundingVersion, RegionCode, AgreementId, Actor);
