using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Paradiplomacy.Meetings.Domain;

namespace Paradiplomacy.Bench;

/// <summary>The meetings time finder in-process: the interval merge the service runs (<see cref="SlotFinder"/>)
/// beside trying every start on the grid (<see cref="SlotScan"/>), on the same participants, bookings and
/// holidays, each call timed many times. The two must propose the same slots; the table says whether they did.</summary>
public sealed class SlotFinderBenchmark(Report report)
{
    // Eight zones the platform's partnerships span, with the country whose weekend and holidays apply.
    private static readonly (string Zone, string Country)[] Asia =
    [
        ("Asia/Jakarta", "ID"), ("Asia/Makassar", "ID"), ("Asia/Jayapura", "ID"), ("Asia/Seoul", "KR"),
        ("Asia/Tokyo", "JP"), ("Asia/Shanghai", "CN"), ("Asia/Bangkok", "TH"), ("Australia/Perth", "AU"),
    ];

    private static readonly (string Zone, string Country)[] World =
    [
        ("Asia/Jakarta", "ID"), ("Asia/Makassar", "ID"), ("Asia/Seoul", "KR"), ("Asia/Tokyo", "JP"),
        ("Europe/Berlin", "DE"), ("Europe/London", "GB"), ("America/Chicago", "US"), ("Australia/Sydney", "AU"),
    ];

    public void Run(int participants, int bookingsEach, int days)
    {
        var earliest = Instant.FromUtc(2027, 3, 1, 0, 0);
        var holidays = Holidays(earliest, days);
        var nineToFive = WorkingHours.Default;
        var wide = new WorkingHours(new LocalTime(7, 0), new LocalTime(21, 0));
        Compare($"{participants} people, 8 Asia-Pacific zones, {bookingsEach} bookings each, first 5 slots in {days} days",
            Search(Asia, participants, bookingsEach, nineToFive, earliest, days, 5, 30), holidays);
        Compare($"same, all 20 slots, 15-minute grid",
            Search(Asia, participants, bookingsEach, nineToFive, earliest, days, 20, 15), holidays);
        Compare($"{participants} people, 8 zones from Chicago to Sydney, 07:00–21:00, {days} days, none exists",
            Search(World, participants, bookingsEach, wide, earliest, days, 5, 30), holidays);
    }

    private void Compare(string name, SlotSearch search, HolidayCalendar holidays)
    {
        var (merge, mergeBytes, slots) = Time(() => SlotFinder.Find(search, holidays).Slots);
        var (scan, scanBytes, scanned) = Time(() => SlotScan.Find(search, holidays));
        var same = slots.SequenceEqual(scanned) ? "same slots" : "DIFFERENT SLOTS";
        report.Add($"time finder: {name}", $"{Report.Ms(merge)}, {Kb(mergeBytes)} ({slots.Count} slots)",
            $"scan every start {Report.Ms(scan)}, {Kb(scanBytes)}", $"{Report.Ratio(scan / merge)}× faster, {same}", "faster than the scan, same slots");
    }

    /// <summary>Median time and allocation of one call, over enough calls to last about a second, after a
    /// second of calls that lets the JIT finish optimising both.</summary>
    private static (double Ms, long Bytes, IReadOnlyList<Interval> Result) Time(Func<IReadOnlyList<Interval>> find)
    {
        var result = find();
        var warm = Stopwatch.StartNew();
        var warmCalls = 0;
        for (; warm.ElapsedMilliseconds < 1000 || warmCalls < 50; warmCalls++)
        {
            find();
        }
        var calls = Math.Clamp((int)(warmCalls * 1000 / Math.Max(warm.Elapsed.TotalMilliseconds, 1)), 5, 2000);
        var times = new List<double>(calls);
        var bytes = new List<long>(calls);
        for (var i = 0; i < calls; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            find();
            times.Add(watch.Elapsed.TotalMilliseconds);
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        times.Sort();
        bytes.Sort();
        return (times[calls / 2], bytes[calls / 2], result);
    }

    private static SlotSearch Search((string Zone, string Country)[] zones, int participants, int bookingsEach, WorkingHours hours, Instant earliest, int days, int max, int step)
    {
        var random = new Random(2027);
        var seekers = Enumerable.Range(0, participants).Select(i =>
        {
            var (zone, country) = zones[i % zones.Length];
            // Hour-long bookings in everyone's working day, spread over the horizon.
            var busy = Enumerable.Range(0, bookingsEach).Select(_ =>
            {
                var start = earliest + Duration.FromDays(random.Next(days)) + Duration.FromMinutes(random.Next(24 * 4) * 15);
                return new Interval(start, start + Duration.FromHours(1));
            }).ToList();
            return new SlotSeeker($"p{i}", DateTimeZoneProviders.Tzdb[zone], country, null, hours, busy);
        }).ToList();
        return new SlotSearch(seekers, earliest, days, Duration.FromHours(1), Duration.FromMinutes(step), max);
    }

    /// <summary>Two holidays a month in every country.</summary>
    private static HolidayCalendar Holidays(Instant earliest, int days)
    {
        var first = earliest.InUtc().Date;
        var countries = Asia.Concat(World).Select(z => z.Country).Distinct().ToList();
        return new HolidayCalendar(countries.SelectMany((country, c) => Enumerable.Range(0, days / 15)
            .Select(k => (country, (string?)null, first.PlusDays((k * 15) + c)))));
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
