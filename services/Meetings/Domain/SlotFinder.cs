using System.Globalization;
using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>Finds the next times everyone can meet. Participants who share a zone, a country's calendar and
/// working hours share one list of working windows (their hours on their working days, resolved in their zone
/// so daylight-saving changes fall where they do, minus holidays); those lists are intersected in one merge,
/// everyone's bookings are taken out of the result once, and each common window proposes its earliest start on
/// the step grid. Every step is a lazy merge, so the search stops at the last slot asked for instead of
/// resolving the whole horizon first. It costs the number of windows, not the number of candidate starts
/// (bench/ compares it with trying every start). When fewer slots than asked exist, it says why.</summary>
public static class SlotFinder
{
    public static SlotResult Find(SlotSearch search, HolidayCalendar holidays)
    {
        var calendars = Calendars(search);
        var busy = Busy(search);
        var slots = new List<Interval>();
        foreach (var window in Subtract(EveryoneWorking(calendars, search, holidays), busy))
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
        var reasons = slots.Count < search.MaxSlots ? Explain(search, calendars, holidays, busy, slots.Count) : [];
        return new SlotResult(slots, reasons);
    }

    /// <summary>The participant's working hours on each of their working days in the horizon, as UTC intervals, in order.</summary>
    public static IEnumerable<Interval> WorkingWindows(SlotSeeker seeker, SlotSearch search, HolidayCalendar holidays)
    {
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
                yield return new Interval(start, end);
            }
        }
    }

    /// <summary>Sorted free intervals minus sorted busy ones.</summary>
    public static IEnumerable<Interval> Subtract(IEnumerable<Interval> free, IReadOnlyList<Interval> sortedBusy)
    {
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
                    yield return new Interval(start, sortedBusy[k].Start);
                }
                start = Max(start, sortedBusy[k].End);
            }
            if (start < window.End)
            {
                yield return new Interval(start, window.End);
            }
        }
    }

    /// <summary>The times in both sorted sequences, by one merge.</summary>
    public static IEnumerable<Interval> Intersect(IEnumerable<Interval> a, IEnumerable<Interval> b)
    {
        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        var more = left.MoveNext() && right.MoveNext();
        while (more)
        {
            var (x, y) = (left.Current, right.Current);
            var start = Max(x.Start, y.Start);
            var end = Min(x.End, y.End);
            if (start < end)
            {
                yield return new Interval(start, end);
            }
            more = x.End < y.End ? left.MoveNext() : right.MoveNext();
        }
    }

    /// <summary>One participant for each distinct zone, calendar and working hours, in the order first named.</summary>
    private static List<SlotSeeker> Calendars(SlotSearch search) =>
        [.. search.Seekers.GroupBy(s => (s.Zone.Id, s.CountryCode, s.RegionCode, s.Hours)).Select(g => g.First())];

    private static List<Interval> Busy(SlotSearch search) => [.. search.Seekers.SelectMany(s => s.Busy).OrderBy(b => b.Start)];

    private static IEnumerable<Interval> EveryoneWorking(IEnumerable<SlotSeeker> calendars, SlotSearch search, HolidayCalendar holidays) =>
        calendars.Select(c => WorkingWindows(c, search, holidays)).Aggregate(Intersect);

    /// <summary>The first multiple of <paramref name="step"/> since the Unix epoch at or after <paramref name="instant"/>.</summary>
    public static Instant AlignUp(Instant instant, Duration step)
    {
        var ticks = instant.ToUnixTimeTicks();
        var size = step.BclCompatibleTicks;
        var remainder = ((ticks % size) + size) % size;
        return remainder == 0 ? instant : Instant.FromUnixTimeTicks(ticks - remainder + size);
    }

    /// <summary>Why fewer slots than asked: by distinct calendar, so twenty people in eight zones give eight
    /// reasons at most, not one for each pair of people.</summary>
    private static List<string> Explain(SlotSearch search, List<SlotSeeker> calendars, HolidayCalendar holidays, List<Interval> busy, int found)
    {
        var reasons = new List<string>();
        var horizon = $"the {search.HorizonDays} days from {search.Earliest.ToString("uuuu-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}";
        var working = calendars.Select(c => WorkingWindows(c, search, holidays).ToList()).ToList();
        for (var i = 0; i < calendars.Count; i++)
        {
            if (working[i].Count == 0)
            {
                reasons.Add($"{Who(calendars[i])} has no working day in {horizon} (weekends and public holidays)");
            }
        }
        if (reasons.Count > 0)
        {
            return reasons;
        }
        for (var i = 0; i < calendars.Count; i++)
        {
            for (var j = i + 1; j < calendars.Count; j++)
            {
                if (!Intersect(working[i], working[j]).Any())
                {
                    reasons.Add(NeverOverlap(calendars[i], calendars[j], working[i][0]));
                }
            }
        }
        if (reasons.Count > 0)
        {
            return reasons;
        }
        var everyoneWorking = working.Aggregate<IEnumerable<Interval>>(Intersect).ToList();
        if (everyoneWorking.Count == 0)
        {
            reasons.Add($"each two participants' working hours overlap, but no time in {horizon} is inside everyone's at once");
            return reasons;
        }
        var common = Subtract(everyoneWorking, busy).ToList();
        if (common.Count == 0)
        {
            var booked = search.Seekers.Where(s => s.Busy.Any(b => everyoneWorking.Any(w => w.Start < b.End && b.Start < w.End))).Select(Who).ToList();
            reasons.Add($"everyone's working hours overlap, but {string.Join(", ", booked)} {(booked.Count == 1 ? "is" : "are")} booked at those times");
        }
        else if (found == 0)
        {
            reasons.Add($"the longest time everyone is free is {(int)common.Max(w => w.Duration).TotalMinutes} minutes, shorter than the {(int)search.Length.TotalMinutes} minutes asked");
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
