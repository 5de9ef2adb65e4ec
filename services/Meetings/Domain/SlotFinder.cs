using System.Globalization;
using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>Finds the next times everyone can meet. Each participant's free time over the horizon is a
/// sorted list of intervals (their working hours on their working days, resolved in their own zone so
/// daylight-saving changes fall where they do, minus holidays and bookings); the lists are intersected
/// in one merge, and each common window proposes its earliest start on the step grid. That costs the
/// number of windows, not the number of candidate start times (bench/ compares it with checking every
/// candidate). When fewer slots than asked exist, it says why.</summary>
public static class SlotFinder
{
    public static SlotResult Find(SlotSearch search, HolidayCalendar holidays)
    {
        var working = search.Seekers.Select(s => WorkingWindows(s, search, holidays)).ToList();
        var free = search.Seekers.Select((s, i) => Subtract(working[i], s.Busy)).ToList();
        var common = free.Aggregate(Intersect);
        var slots = new List<Interval>();
        foreach (var window in common)
        {
            var start = AlignUp(window.Start, search.Step);
            if (start + search.Length <= window.End)
            {
                slots.Add(new Interval(start, start + search.Length));
                if (slots.Count == search.MaxSlots)
                {
                    break;
                }
            }
        }
        var reasons = slots.Count < search.MaxSlots ? Explain(search, working, free, common, slots.Count) : [];
        return new SlotResult(slots, reasons);
    }

    /// <summary>The participant's working hours on each of their working days in the horizon, as UTC intervals.</summary>
    public static List<Interval> WorkingWindows(SlotSeeker seeker, SlotSearch search, HolidayCalendar holidays)
    {
        var windows = new List<Interval>();
        var first = search.Earliest.InZone(seeker.Zone).Date;
        var last = search.Latest.InZone(seeker.Zone).Date;
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            if (WorkWeek.IsWeekend(seeker.CountryCode, day.DayOfWeek) || holidays.IsHoliday(seeker.CountryCode, seeker.RegionCode, day))
            {
                continue;
            }
            // A working hour that a clock change skips begins when the clock resumes.
            var start = Max((day + seeker.Hours.Start).InZoneLeniently(seeker.Zone).ToInstant(), search.Earliest);
            var end = Min((day + seeker.Hours.End).InZoneLeniently(seeker.Zone).ToInstant(), search.Latest);
            if (start < end)
            {
                windows.Add(new Interval(start, end));
            }
        }
        return windows;
    }

    /// <summary>Sorted free intervals minus busy ones (any order).</summary>
    public static List<Interval> Subtract(List<Interval> free, IReadOnlyList<Interval> busy)
    {
        if (busy.Count == 0)
        {
            return free;
        }
        var sortedBusy = busy.OrderBy(b => b.Start).ToList();
        var result = new List<Interval>();
        var b = 0;
        foreach (var window in free)
        {
            var start = window.Start;
            while (b < sortedBusy.Count && sortedBusy[b].End <= start)
            {
                b++;
            }
            for (var k = b; k < sortedBusy.Count && sortedBusy[k].Start < window.End; k++)
            {
                if (sortedBusy[k].Start > start)
                {
                    result.Add(new Interval(start, sortedBusy[k].Start));
                }
                start = Max(start, sortedBusy[k].End);
            }
            if (start < window.End)
            {
                result.Add(new Interval(start, window.End));
            }
        }
        return result;
    }

    /// <summary>The times in both sorted lists, by one merge.</summary>
    public static List<Interval> Intersect(List<Interval> a, List<Interval> b)
    {
        var result = new List<Interval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = Max(a[i].Start, b[j].Start);
            var end = Min(a[i].End, b[j].End);
            if (start < end)
            {
                result.Add(new Interval(start, end));
            }
            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return result;
    }

    /// <summary>The first multiple of <paramref name="step"/> since the Unix epoch at or after <paramref name="instant"/>.</summary>
    public static Instant AlignUp(Instant instant, Duration step)
    {
        var ticks = instant.ToUnixTimeTicks();
        var size = step.BclCompatibleTicks;
        var remainder = ((ticks % size) + size) % size;
        return remainder == 0 ? instant : Instant.FromUnixTimeTicks(ticks - remainder + size);
    }

    private static List<string> Explain(SlotSearch search, List<List<Interval>> working, List<List<Interval>> free, List<Interval> common, int found)
    {
        var reasons = new List<string>();
        var horizon = $"the {search.HorizonDays} days from {search.Earliest.ToString("uuuu-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}";
        for (var i = 0; i < search.Seekers.Count; i++)
        {
            if (working[i].Count == 0)
            {
                reasons.Add($"{Who(search.Seekers[i])} has no working day in {horizon} (weekends and public holidays)");
            }
        }
        if (reasons.Count > 0)
        {
            return reasons;
        }
        for (var i = 0; i < search.Seekers.Count; i++)
        {
            for (var j = i + 1; j < search.Seekers.Count; j++)
            {
                if (Intersect(working[i], working[j]).Count == 0)
                {
                    reasons.Add(NeverOverlap(search.Seekers[i], search.Seekers[j], working[i][0]));
                }
            }
        }
        if (reasons.Count > 0)
        {
            return reasons;
        }
        var everyoneWorking = working.Aggregate(Intersect);
        if (everyoneWorking.Count == 0)
        {
            reasons.Add($"each two participants' working hours overlap, but no time in {horizon} is inside everyone's at once");
            return reasons;
        }
        var longest = common.Count == 0 ? Duration.Zero : common.Max(w => w.Duration);
        if (common.Count == 0)
        {
            var booked = search.Seekers.Where((s, i) => free[i].Count < working[i].Count || s.Busy.Count > 0).Select(Who).ToList();
            reasons.Add($"everyone's working hours overlap, but {string.Join(", ", booked)} {(booked.Count == 1 ? "is" : "are")} booked at those times");
        }
        else if (found == 0)
        {
            reasons.Add($"the longest time everyone is free is {(int)longest.TotalMinutes} minutes, shorter than the {(int)search.Length.TotalMinutes} minutes asked");
        }
        else
        {
            reasons.Add($"only {found} time{(found == 1 ? string.Empty : "s")} in {horizon} suit everyone for {(int)search.Length.TotalMinutes} minutes; look further ahead (up to {SlotSearch.MaxHorizonDays} days), shorten the meeting or widen the working hours");
        }
        return reasons;
    }

    private static string NeverOverlap(SlotSeeker a, SlotSeeker b, Interval aDay)
    {
        var (endsLocal, abbreviation, _) = Zones.Describe(aDay.End, b.Zone);
        var (startsLocal, _, _) = Zones.Describe(aDay.Start, b.Zone);
        return $"{Who(a)} ({a.Hours}) and {Who(b)} ({b.Hours}) never overlap: {a.Label}'s working day runs {startsLocal[11..16]}–{endsLocal[11..16]} {abbreviation} in {b.Label}'s time";
    }

    private static string Who(SlotSeeker s) => $"{s.Label} ({s.Zone.Id})";

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
