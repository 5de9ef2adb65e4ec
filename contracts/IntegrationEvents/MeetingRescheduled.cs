namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A meeting, or one occurrence of a series (<see cref="OccurrenceId"/>), moved to a new time.</summary>
public sealed record MeetingRescheduled(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string? OccurrenceId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    IReadOnlyList<MeetingNotice> Recipients) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
