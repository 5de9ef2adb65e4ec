namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>An occurrence starts in <see cref="Lead"/> (a day, an hour): announced once per occurrence and lead.</summary>
public sealed record MeetingReminderDue(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string OccurrenceId,
    DateTimeOffset StartsAt,
    TimeSpan Lead,
    IReadOnlyList<MeetingNotice> Recipients) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
