namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An open action item passed its due date; announced once per item.</summary>
public sealed record ActionItemOverdue(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string ActionItemId,
    string ItemTitle,
    string OwnerSide,
    DateOnly DueDate) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
