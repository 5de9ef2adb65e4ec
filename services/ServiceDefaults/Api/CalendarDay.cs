namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>
/// Dates people record as past (a decision, a signature, a payment) are in their own calendar, not UTC's:
/// Indonesia spans UTC+7 to UTC+9 and partners reach UTC+13, so at 08:00 in Jayapura or Auckland it is
/// still yesterday in UTC. The platform's own day (when an agreement takes effect, when an item is overdue)
/// is Indonesia's national one, WIB; a recorded date is refused as future only once it has begun nowhere.
/// </summary>
public static class CalendarDay
{
    /// <summary>The earliest clocks on earth (Kiribati's Line Islands) run 14 hours ahead of UTC.</summary>
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(14);

    /// <summary>WIB, UTC+7 all year: Indonesia keeps no daylight saving time.</summary>
    private static readonly TimeSpan IndonesiaOffset = TimeSpan.FromHours(7);

    /// <summary>Today in Western Indonesia Time, the date the national government's deadlines and agreements' effect are kept in.</summary>
    public static DateOnly InIndonesia(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(IndonesiaOffset).DateTime);

    /// <summary>The latest date that has begun somewhere.</summary>
    public static DateOnly LatestBegun(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(EarliestOffset).DateTime);

    public static bool IsFuture(DateOnly date, DateTimeOffset now) => date > LatestBegun(now);
}
