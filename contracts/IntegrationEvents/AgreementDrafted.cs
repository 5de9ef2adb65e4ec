namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A region drafted an agreement.</summary>
public sealed record AgreementDrafted(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
