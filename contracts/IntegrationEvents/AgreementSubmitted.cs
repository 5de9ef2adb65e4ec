namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A draft was sent for clearance.</summary>
public sealed record AgreementSubmitted(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
