using System.Globalization;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>Flattens a meeting to field → value for its audit trail. Participants appear by id, side, city
/// and zone, never by name or e-mail, so the audit keeps no personal data.</summary>
public static class MeetingAudit
{
    public static IReadOnlyDictionary<string, string?> Snapshot(Meeting m)
    {
        var snapshot = new Dictionary<string, string?>
        {
            ["status"] = m.Status.ToString(),
            ["title"] = m.Title,
            ["purpose"] = m.Purpose,
            ["mode"] = m.Mode.ToString(),
            ["video_url"] = m.VideoUrl,
            ["venue"] = m.Venue,
            ["schedule"] = $"{Utc(m.StartsAt)} to {Utc(m.EndsAt)} ({m.TimeZone}){(m.Recurrence is null ? string.Empty : " " + m.Recurrence)}",
            ["agenda"] = string.Join("; ", m.Agenda.Select(a => string.Join(" / ", a.Title.Values))),
            ["interpretation"] = string.Join(", ", m.Interpretation.Select(i => $"{i.SourceLanguage}→{i.TargetLanguage} {i.Mode}")),
            ["sequence"] = m.Sequence.ToString(CultureInfo.InvariantCulture),
            ["cancel_reason"] = m.CancelReason,
        };
        foreach (var p in m.Participants)
        {
            snapshot[$"participant[{p.Id}]"] = $"{p.Side}, {p.CityId}, {p.TimeZone}{(p.Optional ? ", optional" : string.Empty)}";
        }
        foreach (var o in m.Occurrences)
        {
            snapshot[$"occurrence[{o.Key}]"] = $"{o.Status} {Utc(o.StartsAt)}{(o.Note is null ? string.Empty : ": " + o.Note)}";
        }
        foreach (var a in m.Attendance)
        {
            snapshot[$"attendance[{a.OccurrenceKey}]"] = $"{a.AttendedIndonesian} Indonesian, {a.AttendedForeign} foreign";
        }
        foreach (var v in m.Minutes)
        {
            snapshot[$"minutes[{v.Id}]"] = $"v{v.Version} of {v.OccurrenceKey}, {v.Decisions.Count} decisions, confirmed by {string.Join(" and ", v.Confirmations.Select(c => $"{c.Side} ({c.ConfirmedBy})"))}";
        }
        foreach (var i in m.ActionItems)
        {
            snapshot[$"action_item[{i.Id}]"] = $"'{i.Title}' by {i.OwnerParticipantId} due {i.DueDate:yyyy-MM-dd}: {i.Status}";
        }
        return snapshot;
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
