namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>DPRD, Kemendagri or Kemlu decided on a submitted agreement.</summary>
public sealed record ClearanceRecorded(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, string Clearance, string Decision, string ReferenceNumber)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
