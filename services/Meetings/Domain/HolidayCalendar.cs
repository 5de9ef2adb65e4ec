using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>The public holidays the time finder skips: a country's, and an Indonesian region's own.</summary>
public sealed class HolidayCalendar(IEnumerable<(string CountryCode, string? RegionCode, LocalDate Date)> holidays)
{
    public static readonly HolidayCalendar None = new([]);

    private readonly HashSet<(string, string, LocalDate)> _days =
        holidays.Select(h => (h.CountryCode.ToUpperInvariant(), h.RegionCode ?? string.Empty, h.Date)).ToHashSet();

    public bool IsHoliday(string countryCode, string? regionCode, LocalDate date)
    {
        var country = countryCode.ToUpperInvariant();
        return _days.Contains((country, string.Empty, date)) || (regionCode is not null && _days.Contains((country, regionCode, date)));
    }
}
