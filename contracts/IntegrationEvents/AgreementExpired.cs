namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An agreement reached its expiry date without renewal.</summary>
public sealed record AgreementExpired(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
