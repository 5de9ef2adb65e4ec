using System.Globalization;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>One time a meeting takes place. Its id is its original start in UTC (the iCalendar
/// RECURRENCE-ID), so it stays the same when the occurrence moves.</summary>
public sealed class Occurrence
{
    public required string Key { get; init; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public OccurrenceStatus Status { get; set; }
    public string? Note { get; set; }

    public bool IsOpen => Status is OccurrenceStatus.Planned or OccurrenceStatus.Moved;

    public static string KeyOf(DateTimeOffset originalStart) =>
        originalStart.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? OriginalStartOf(string key) =>
        DateTime.TryParseExact(key, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? new DateTimeOffset(start, TimeSpan.Zero)
            : null;
}
