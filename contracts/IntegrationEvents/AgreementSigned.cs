namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An instrument (Letter of Intent, MoU, agreement) was signed by both sides.</summary>
public sealed record AgreementSigned(
    string AgreementId, int AgreementVersion, string Status, string Kind, string IndonesianPartyId, string RegionCode,
    IReadOnlyList<string> ForeignPartyIds, string Actor, string Instrument, DateOnly SignedOn)
    : AgreementEvent(AgreementId, AgreementVersion, Status, Kind, IndonesianPartyId, RegionCode, ForeignPartyIds, Actor);
