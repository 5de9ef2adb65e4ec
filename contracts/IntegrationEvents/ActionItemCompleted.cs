namespace Paradiplomacy.Contracts.IntegrationEvents;

public sealed record ActionItemCompleted(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string ActionItemId,
    DateOnly DueDate,
    DateOnly CompletedOn) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
