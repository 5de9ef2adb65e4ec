namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An amendment of <see cref="PreviousAgreementId"/> was started as a new version.</summary>
public sealed record AgreementAmended(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, string PreviousAgreementId)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
