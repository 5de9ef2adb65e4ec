namespace Paradiplomacy.Contracts.IntegrationEvents;

public sealed record ActionItemCreated(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string ActionItemId,
    string ItemTitle,
    string OwnerSide,
    DateOnly DueDate) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
