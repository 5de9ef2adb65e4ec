using NodaTime;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Meetings.Domain;

namespace Paradiplomacy.Meetings.IntegrationEvents;

/// <summary>What the meetings service tells the others, each event made from the meeting as it stands
/// after the change. Notices carry each participant's start in their own zone.</summary>
public static class MeetingEvents
{
    public static MeetingScheduled Scheduled(Meeting m, string actor, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, m.StartsAt, m.EndsAt, m.TimeZone, m.Recurrence, Notices(m, m.NextOccurrence(now)?.StartsAt ?? m.StartsAt));

    public static MeetingRescheduled Rescheduled(Meeting m, string actor, string? occurrenceKey, DateTimeOffset start, DateTimeOffset end, string reason, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, occurrenceKey, start, end, reason, Notices(m, start));

    public static MeetingCancelled Cancelled(Meeting m, string actor, string? occurrenceKey, string reason, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, occurrenceKey, reason,
            Notices(m, occurrenceKey is null ? m.StartsAt : m.Occurrences.First(o => o.Key == occurrenceKey).StartsAt));

    public static MeetingHeld Held(Meeting m, string actor, Occurrence occurrence, Attendance attendance, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, occurrence.Key, occurrence.StartsAt, attendance.AttendedIndonesian, attendance.AttendedForeign);

    public static MinutesConfirmed MinutesConfirmed(Meeting m, string actor, MinutesVersion minutes, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, minutes.Id, minutes.Version, minutes.OccurrenceKey, minutes.Decisions.Count);

    public static ActionItemCreated ActionItemCreated(Meeting m, string actor, ActionItem item, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, item.Id, item.Title, item.OwnerSide.ToString(), item.DueDate);

    public static ActionItemCompleted ActionItemCompleted(Meeting m, string actor, ActionItem item, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, item.Id, item.DueDate, item.CompletedOn!.Value);

    public static ActionItemOverdue ActionItemOverdue(Meeting m, string actor, ActionItem item, DateTimeOffset now) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, item.Id, item.Title, item.OwnerSide.ToString(), item.DueDate);

    public static MeetingReminderDue ReminderDue(Meeting m, string actor, Occurrence occurrence, TimeSpan lead) =>
        new(m.Id, m.Version, m.AgreementId, m.ProgramId, m.RegionCode, m.Title, actor, occurrence.Key, occurrence.StartsAt, lead, Notices(m, occurrence.StartsAt));

    private static List<MeetingNotice> Notices(Meeting m, DateTimeOffset start) =>
        [.. m.Participants.Select(p => new MeetingNotice(p.Id, p.Name, p.Email, p.TimeZone, Zones.Readable(Instant.FromDateTimeOffset(start), Zones.Find(p.TimeZone)!)))];
}
