namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An agreement signed before the platform was registered on it and is not (yet) in effect.</summary>
public sealed record AgreementRegistered(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
