using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>When a meeting takes place: its first start and its length, in the organiser's zone, and for a
/// series an RFC 5545 RRULE that repeats in that zone (a 19:00 WIB working group stays at 19:00 WIB; one at
/// 09:00 in Chicago stays at 09:00 there across daylight-saving changes). Expanded by Ical.Net, the library
/// that writes the invitations, so the occurrences listed and those calendars show are the same.</summary>
public sealed record Schedule(DateTimeOffset StartsAt, TimeSpan Duration, string TimeZone, string? Recurrence)
{
    public const int MaxOccurrences = 120;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);
    private const int MaxSpanYears = 5;

    private static readonly FrequencyType[] Frequencies = [FrequencyType.Daily, FrequencyType.Weekly, FrequencyType.Monthly, FrequencyType.Yearly];

    /// <summary>The RRULE, without its "RRULE:" prefix, if it is one this platform repeats: daily to yearly,
    /// bounded by COUNT or UNTIL, at most <see cref="MaxOccurrences"/> times.</summary>
    public static string? CheckRule(string? rule, string field, Violations violations)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return null;
        }
        var text = rule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }
        if (text.Length > 500)
        {
            violations.Add(field, "must be at most 500 characters");
            return null;
        }
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            violations.Add(field, $"'{text}' is not an RFC 5545 RRULE ({ex.Message})");
            return null;
        }
        if (!Frequencies.Contains(pattern.Frequency))
        {
            violations.Add(field, "repeats DAILY, WEEKLY, MONTHLY or YEARLY");
            return null;
        }
        if (pattern.Count is null && pattern.Until is null)
        {
            violations.Add(field, $"needs COUNT or UNTIL: a series ends (at most {MaxOccurrences} occurrences)");
            return null;
        }
        if (pattern.Count is > MaxOccurrences or < 1)
        {
            violations.Add(field, $"COUNT must be 1 to {MaxOccurrences}");
            return null;
        }
        return text;
    }

    public DateTimeOffset EndsAt => StartsAt + Duration;

    /// <summary>Every occurrence's start and end in UTC, the first one first; a violation when the rule makes
    /// none, too many, or runs beyond five years.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Expand(string field, Violations violations)
    {
        if (Recurrence is null)
        {
            return [(StartsAt, EndsAt)];
        }
        var zone = Zones.Find(TimeZone)!;
        var local = Instant.FromDateTimeOffset(StartsAt).InZone(zone).LocalDateTime;
        var master = new CalendarEvent
        {
            DtStart = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id),
            Duration = Ical.Net.DataTypes.Duration.FromTimeSpanExact(Duration),
            RecurrenceRule = new RecurrencePattern(Recurrence),
        };
        var limit = StartsAt.AddYears(MaxSpanYears);
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var occurrence in master.GetOccurrences().Take(MaxOccurrences + 1))
        {
            var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            if (result.Count == MaxOccurrences || start > limit)
            {
                violations.Add(field, $"makes more than {MaxOccurrences} occurrences or runs beyond {MaxSpanYears} years; end it sooner");
                return [];
            }
            result.Add((start, start + Duration));
        }
        if (result.Count == 0)
        {
            violations.Add(field, "makes no occurrence from the start given (UNTIL before the start?)");
        }
        return result;
    }
}
