namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An active agreement reached a notice point (180, 90, 30 days before expiry by default).</summary>
public sealed record AgreementExpiring(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, int DaysBeforeExpiry, DateOnly ExpiryDate)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
