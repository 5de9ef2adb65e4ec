using Microsoft.EntityFrameworkCore;
using NodaTime;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Queries;

/// <summary>Gathers what <see cref="SlotFinder"/> needs for a request: each participant's city (zone,
/// country, region), the holiday table for those countries over the horizon, and their bookings.</summary>
public sealed class TimeFinder(MeetingsDbContext db, PlaceDirectory places, BookingCheck bookings)
{
    public sealed record Wanted(string CityId, string? TimeZone, string? Email, WorkingHours Hours);

    public async Task<(SlotSearch Search, SlotResult Result)> FindAsync(IReadOnlyList<Wanted> wanted, Instant earliest, int horizonDays, Duration length, Duration step, int maxSlots, CancellationToken ct)
    {
        var known = await places.FindAsync(wanted.Select(w => w.CityId), ct);
        var violations = new Violations();
        var seekers = new List<SlotSeeker>();
        var emails = wanted.Where(w => !string.IsNullOrWhiteSpace(w.Email)).Select(w => w.Email!.Trim().ToLowerInvariant()).Distinct().ToList();
        var latest = earliest + Duration.FromDays(horizonDays);
        var busy = emails.Count == 0 ? [] : await bookings.Busy(emails, earliest.ToDateTimeOffset(), latest.ToDateTimeOffset()).ToListAsync(ct);
        for (var i = 0; i < wanted.Count; i++)
        {
            var w = wanted[i];
            if (!known.TryGetValue(w.CityId, out var place))
            {
                violations.Add($"participants[{i}].city_id", $"'{w.CityId}' is not in the registry");
                continue;
            }
            var zoneName = string.IsNullOrWhiteSpace(w.TimeZone) ? place.TimeZone : w.TimeZone;
            if (Zones.Find(zoneName) is not { } zone)
            {
                violations.Add($"participants[{i}].time_zone", $"'{zoneName}' is not an IANA time zone (\"Asia/Jakarta\", \"America/Chicago\")");
                continue;
            }
            var email = w.Email?.Trim().ToLowerInvariant();
            var theirs = busy.Where(b => b.Email == email).Select(b => new Interval(Instant.FromDateTimeOffset(b.Start), Instant.FromDateTimeOffset(b.End))).ToList();
            seekers.Add(new SlotSeeker(email is { Length: > 0 } ? $"{place.Name} ({email})" : place.Name, zone, place.CountryCode, place.RegionCode, w.Hours, theirs));
        }
        violations.ThrowIfAny();
        var countries = seekers.Select(s => s.CountryCode.ToUpperInvariant()).Distinct().ToList();
        var from = DateOnly.FromDateTime(earliest.ToDateTimeUtc()).AddDays(-1);
        var to = DateOnly.FromDateTime(latest.ToDateTimeUtc()).AddDays(1);
        var days = await db.Holidays.AsNoTracking()
            .Where(h => !h.Deleted && countries.Contains(h.CountryCode) && h.Date >= from && h.Date <= to)
            .Select(h => new { h.CountryCode, h.RegionCode, h.Date }).ToListAsync(ct);
        var holidays = new HolidayCalendar(days.Select(d => (d.CountryCode, d.RegionCode, LocalDate.FromDateOnly(d.Date))));
        var search = new SlotSearch(seekers, earliest, horizonDays, length, step, maxSlots);
        return (search, SlotFinder.Find(search, holidays));
    }
}
