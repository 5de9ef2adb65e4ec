namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An occurrence took place: its attendance was recorded (counts by side).</summary>
public sealed record MeetingHeld(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string OccurrenceId,
    DateTimeOffset StartedAt,
    int AttendedIndonesian,
    int AttendedForeign) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
