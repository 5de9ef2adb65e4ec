namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An agreement was ended before its expiry (or a superseded version was closed).</summary>
public sealed record AgreementTerminated(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, string Reason)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
