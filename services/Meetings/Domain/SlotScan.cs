using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>The obvious way to find meeting times: try every start on the step grid and ask each participant
/// whether it falls inside their working hours that day and clear of their bookings. Kept as the reference
/// <see cref="SlotFinder"/> is tested and benchmarked against; it proposes the same slots (the first start of
/// each run of suitable starts), at a cost of candidates × participants.</summary>
public static class SlotScan
{
    public static IReadOnlyList<Interval> Find(SlotSearch search, HolidayCalendar holidays)
    {
        var slots = new List<Interval>();
        var inRun = false;
        for (var start = SlotFinder.AlignUp(search.Earliest, search.Step); start + search.Length <= search.Latest; start += search.Step)
        {
            var end = start + search.Length;
            var suits = search.Seekers.All(s => Suits(s, start, end, search, holidays));
            if (suits && !inRun)
            {
                slots.Add(new Interval(start, end));
                if (slots.Count == search.MaxSlots)
                {
                    break;
                }
            }
            inRun = suits;
        }
        return slots;
    }

    private static bool Suits(SlotSeeker seeker, Instant start, Instant end, SlotSearch search, HolidayCalendar holidays)
    {
        var day = start.InZone(seeker.Zone).Date;
        if (WorkWeek.IsWeekend(seeker.CountryCode, day.DayOfWeek) || holidays.IsHoliday(seeker.CountryCode, seeker.RegionCode, day))
        {
            return false;
        }
        var opens = (day + seeker.Hours.Start).InZoneLeniently(seeker.Zone).ToInstant();
        var closes = (day + seeker.Hours.End).InZoneLeniently(seeker.Zone).ToInstant();
        return start >= opens && end <= closes && start >= search.Earliest && end <= search.Latest
               && !seeker.Busy.Any(b => b.Start < end && start < b.End);
    }
}
