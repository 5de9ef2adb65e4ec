namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A meeting (or a recurring series) was scheduled; <see cref="StartsAt"/> is its first occurrence.</summary>
public sealed record MeetingScheduled(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Recurrence,
    IReadOnlyList<MeetingNotice> Recipients) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
