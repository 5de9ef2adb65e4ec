namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An agreement took effect: its parties are partners now.</summary>
public sealed record AgreementActivated(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
