namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>What every funding event says: the program whose money moved, the version of its funding
/// after the change (a consumer keeps the highest), its region and agreement, and who moved it. Amounts
/// are integers in the currency's minor units (ISO 4217), never floating point; IDR ones at the booked rate.</summary>
public abstract record FundingEvent(
    string ProgramId,
    int FundingVersion,
    string RegionCode,
    string AgreementId,
    string Actor) : IntegrationEvent;
