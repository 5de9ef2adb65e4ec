namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A region withdrew a dossier before it was signed.</summary>
public sealed record AgreementWithdrawn(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, string Reason)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
