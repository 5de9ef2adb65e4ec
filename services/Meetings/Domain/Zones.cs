using System.Globalization;
using NodaTime;
using NodaTime.Text;
using TimeZoneConverter;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>IANA time zones from the tz database NodaTime carries (so every replica agrees, whatever the
/// host's own tzdata); a Windows zone name is accepted and turned into its IANA zone.</summary>
public static class Zones
{
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    /// <summary>The zone of an IANA (or Windows) name; null when there is none by that name.</summary>
    public static DateTimeZone? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            return null;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(name.Trim());
        if (zone is null && TZConvert.TryWindowsToIana(name.Trim(), out var iana))
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana);
        }
        return zone;
    }

    /// <summary>An instant as it reads in a zone: local time, abbreviation (WIB, CDT, CET) and UTC offset.</summary>
    public static (string Local, string Abbreviation, string Offset) Describe(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        var offset = zoned.Offset.ToString("m", CultureInfo.InvariantCulture);
        return (Local.Format(zoned.LocalDateTime), zoned.GetZoneInterval().Name, offset);
    }

    /// <summary>"Tue 9 Mar 2027 19:00 WIB": how a notice or an invitation shows a start to a participant.</summary>
    public static string Readable(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        return zoned.ToString("ddd d MMM uuuu HH':'mm", CultureInfo.InvariantCulture) + " " + zoned.GetZoneInterval().Name;
    }

    public static Instant ToInstant(DateTimeOffset value) => Instant.FromDateTimeOffset(value);
}
