using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Paradiplomacy.Meetings.Domain;
using Occurrence = Paradiplomacy.Meetings.Domain.Occurrence;

namespace Paradiplomacy.Meetings.Queries;

/// <summary>Meetings as iCalendar (RFC 5545): one VEVENT per meeting with its RRULE and the cancelled
/// occurrences as EXDATE, one more per moved occurrence (RECURRENCE-ID), all under the meeting's UID, so a
/// calendar that received the first invitation updates the same entry (SEQUENCE grows with each change).</summary>
public static class InvitationCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Domain = "paradiplomacy.go.id";

    public static string UidOf(Meeting m) => $"{m.Id}@{Domain}";

    /// <summary>An invitation (METHOD:REQUEST, or CANCEL for a cancelled meeting) to the participants given.</summary>
    public static string Invitation(Meeting m, IReadOnlyList<MeetingParticipant> attendees)
    {
        var calendar = new Calendar { Method = m.Status == MeetingStatus.Cancelled ? "CANCEL" : "REQUEST" };
        AddMeeting(calendar, m, attendees, attendees.Count == 1 ? attendees[0] : null);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>A subscribed feed (METHOD:PUBLISH): the meetings without their attendees' addresses.</summary>
    public static string Feed(string name, IEnumerable<Meeting> meetings)
    {
        var calendar = new Calendar { Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var m in meetings)
        {
            AddMeeting(calendar, m, [], null);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static void AddMeeting(Calendar calendar, Meeting m, IReadOnlyList<MeetingParticipant> attendees, MeetingParticipant? reader)
    {
        var zone = Zones.Find(m.TimeZone)!;
        if (calendar.TimeZones.All(t => t.TzId != zone.Id))
        {
            calendar.AddTimeZone(zone.Id);
        }
        var master = Event(m, attendees, reader, m.StartsAt, m.EndsAt, zone);
        if (m.Recurrence is not null)
        {
            master.RecurrenceRule = new RecurrencePattern(m.Recurrence);
            foreach (var cancelled in m.Occurrences.Where(o => o.Status == OccurrenceStatus.Cancelled && Occurrence.OriginalStartOf(o.Key) is not null))
            {
                master.ExceptionDates.Add(Local(Occurrence.OriginalStartOf(cancelled.Key)!.Value, zone));
            }
        }
        calendar.Events.Add(master);
        if (m.Recurrence is null)
        {
            return;
        }
        foreach (var moved in m.Occurrences.Where(o => o.Status == OccurrenceStatus.Moved && Occurrence.OriginalStartOf(o.Key) is not null))
        {
            var change = Event(m, attendees, reader, moved.StartsAt, moved.EndsAt, zone);
            change.RecurrenceIdentifier = new RecurrenceIdentifier(Local(Occurrence.OriginalStartOf(moved.Key)!.Value, zone));
            calendar.Events.Add(change);
        }
    }

    private static CalendarEvent Event(Meeting m, IReadOnlyList<MeetingParticipant> attendees, MeetingParticipant? reader, DateTimeOffset start, DateTimeOffset end, DateTimeZone zone)
    {
        var description = new List<string>();
        if (m.Purpose is not null)
        {
            description.Add(m.Purpose);
        }
        if (reader is not null)
        {
            description.Add($"Your time: {Zones.Readable(Instant.FromDateTimeOffset(start), Zones.Find(reader.TimeZone)!)}");
        }
        foreach (var (item, i) in m.Agenda.Select((a, i) => (a, i)))
        {
            description.Add($"{i + 1}. {string.Join(" / ", item.Title.Values)}");
        }
        var e = new CalendarEvent
        {
            Uid = UidOf(m),
            Sequence = m.Sequence,
            Summary = m.Title,
            Description = description.Count == 0 ? null : string.Join("\n", description),
            Location = m.Venue ?? m.VideoUrl,
            Url = m.VideoUrl is null ? null : new Uri(m.VideoUrl),
            DtStart = Local(start, zone),
            DtEnd = Local(end, zone),
            Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            DtStamp = new CalDateTime(m.UpdatedAt.UtcDateTime),
            Organizer = new Organizer($"mailto:meetings@{Domain}") { CommonName = $"Region {m.RegionCode} foreign cooperation office" },
        };
        foreach (var p in attendees)
        {
            e.Attendees.Add(new Attendee($"mailto:{p.Email}")
            {
                CommonName = p.Name,
                Role = p.Optional ? "OPT-PARTICIPANT" : "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }
        return e;
    }

    private static CalDateTime Local(DateTimeOffset instant, DateTimeZone zone)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id);
    }
}
