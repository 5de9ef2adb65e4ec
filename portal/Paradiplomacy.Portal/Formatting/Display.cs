using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Paradiplomacy.Portal.Formatting;

/// <summary>Money, dates and times in the reader's language: "Rp 1.500.000,00" and "4 Desember 2026" in Bahasa
/// Indonesia, "Rp 1,500,000.00" and "4 December 2026" in English.</summary>
public static class Display
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>Rupiah with its own sign ("Rp"), other currencies by their ISO code, always two decimals, the
    /// amount in the locale's separators.</summary>
    public static string Money(Google.Type.Money? money)
    {
        if (money is null || string.IsNullOrEmpty(money.CurrencyCode))
        {
            return "–";
        }
        var amount = money.Units + (money.Nanos / 1_000_000_000m);
        var symbol = money.CurrencyCode == "IDR" ? "Rp" : money.CurrencyCode;
        var text = Math.Abs(amount).ToString("N2", Culture);
        return amount < 0 ? $"−{symbol} {text}" : $"{symbol} {text}";
    }

    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "–" : new DateOnly(date.Year, date.Month, date.Day).ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(double value, int decimals = 0) => value.ToString($"N{decimals}", Culture);

    /// <summary>A file's size: bytes under a kilobyte, else KB or MB with the locale's separators.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Number(bytes / 1024.0, 0)} KB",
        _ => $"{Number(bytes / 1024.0 / 1024.0, 1)} MB",
    };

    public static string Percent(double fraction) => fraction.ToString("P0", Culture);

    /// <summary>A moment in an IANA zone, with the zone's abbreviation as Indonesians write it (WIB, WITA, WIT).</summary>
    public static string Time(Timestamp? moment, string timeZone)
    {
        if (moment is null)
        {
            return "–";
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(timeZone) ? "Asia/Jakarta" : timeZone);
        var local = TimeZoneInfo.ConvertTime(moment.ToDateTimeOffset(), zone);
        return $"{local.ToString("dddd, d MMMM yyyy HH.mm", Culture)} {ZoneName(zone.Id, local.Offset)}";
    }

    /// <summary>WIB/WITA/WIT for Indonesia's zones, otherwise the UTC offset (abbreviations abroad are ambiguous).</summary>
    public static string ZoneName(string zoneId, TimeSpan offset) => zoneId switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm}",
    };

    public static Google.Type.Date ToDate(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
