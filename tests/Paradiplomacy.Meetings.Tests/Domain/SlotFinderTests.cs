using CsCheck;
using NodaTime;
using Paradiplomacy.Meetings.Domain;
using static Paradiplomacy.Meetings.Tests.Domain.TestMeetings;

namespace Paradiplomacy.Meetings.Tests.Domain;

public class SlotFinderTests
{
    // Bandung stays late (07:00–21:00 WIB), Fort Worth starts early (07:00–18:00): the overlap is Bandung's evening.
    private static readonly SlotSeeker BandungOfficer = Seeker("Bandung", "Asia/Jakarta", "ID", Hours(7, 21), Region);
    private static readonly SlotSeeker FortWorthOfficer = Seeker("Fort Worth", "America/Chicago", "US", Hours(7, 18));

    private static SlotResult Find(Instant from, int days, int max = 10, HolidayCalendar? holidays = null, int minutes = 60, params SlotSeeker[] seekers) =>
        SlotFinder.Find(new SlotSearch(seekers.Length > 0 ? seekers : [BandungOfficer, FortWorthOfficer], from, days, Duration.FromMinutes(minutes), Duration.FromMinutes(30), max),
            holidays ?? HolidayCalendar.None);

    [Fact]
    public void In_March_the_slot_moves_an_hour_earlier_in_UTC_when_Texas_springs_forward_and_stays_at_seven_in_Fort_Worth()
    {
        // The United States start daylight-saving time on Sunday 14 March 2027; Indonesia has none.
        var result = Find(Utc(2027, 3, 10), days: 7);

        var starts = result.Slots.Select(s => s.Start).ToList();
        Assert.Equal([Utc(2027, 3, 10, 13), Utc(2027, 3, 11, 13), Utc(2027, 3, 12, 13), Utc(2027, 3, 15, 12), Utc(2027, 3, 16, 12)], starts);
        Assert.All(starts, s => Assert.Equal(new LocalTime(7, 0), s.InZone(FortWorthOfficer.Zone).TimeOfDay));
        Assert.Equal(new LocalTime(20, 0), starts[0].InZone(BandungOfficer.Zone).TimeOfDay);
        Assert.Equal(new LocalTime(19, 0), starts[3].InZone(BandungOfficer.Zone).TimeOfDay);
        Assert.Equal("CST", starts[0].InZone(FortWorthOfficer.Zone).GetZoneInterval().Name);
        Assert.Equal("CDT", starts[3].InZone(FortWorthOfficer.Zone).GetZoneInterval().Name);
    }

    [Fact]
    public void In_November_the_slot_moves_an_hour_later_in_UTC_when_Texas_falls_back()
    {
        // Daylight-saving time ends on Sunday 7 November 2027.
        var result = Find(Utc(2027, 11, 4), days: 6);

        Assert.Equal([Utc(2027, 11, 4, 12), Utc(2027, 11, 5, 12), Utc(2027, 11, 8, 13), Utc(2027, 11, 9, 13)], result.Slots.Select(s => s.Start));
        Assert.All(result.Slots, s => Assert.Equal(new LocalTime(7, 0), s.Start.InZone(FortWorthOfficer.Zone).TimeOfDay));
    }

    [Fact]
    public void Office_hours_in_Bandung_and_Fort_Worth_never_overlap_and_the_finder_says_so()
    {
        var result = Find(Utc(2027, 3, 10), days: 14,
            seekers: [Seeker("Bandung", "Asia/Jakarta", "ID", WorkingHours.Default, Region), Seeker("Fort Worth", "America/Chicago", "US", WorkingHours.Default)]);

        Assert.Empty(result.Slots);
        var reason = Assert.Single(result.Reasons);
        Assert.Contains("never overlap", reason, StringComparison.Ordinal);
        Assert.Contains("Asia/Jakarta", reason, StringComparison.Ordinal);
        Assert.Contains("America/Chicago", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_holiday_of_either_side_and_a_regions_own_are_skipped()
    {
        var holidays = new HolidayCalendar([("ID", null, new LocalDate(2027, 3, 11)), ("US", null, new LocalDate(2027, 3, 15)), ("ID", "32.73", new LocalDate(2027, 3, 16)), ("ID", "31", new LocalDate(2027, 3, 17))]);

        var result = Find(Utc(2027, 3, 10), days: 8, holidays: holidays);

        // 11 March (Indonesia), 15 March (United States) and 16 March (Bandung's own) are skipped; Jakarta's day is not Bandung's.
        Assert.Equal([Utc(2027, 3, 10, 13), Utc(2027, 3, 12, 13), Utc(2027, 3, 17, 12)], result.Slots.Select(s => s.Start));
    }

    [Fact]
    public void A_gulf_partner_does_not_meet_on_Friday_and_Indonesia_does_not_on_Sunday()
    {
        var jeddah = Seeker("Jeddah", "Asia/Riyadh", "SA", WorkingHours.Default);
        var jakarta = Seeker("Jakarta", "Asia/Jakarta", "ID", WorkingHours.Default, "31");

        // Thursday 11 March 2027 to Monday 15 March.
        var result = Find(Utc(2027, 3, 11), days: 5, seekers: [jakarta, jeddah]);

        Assert.Equal([IsoDayOfWeek.Thursday, IsoDayOfWeek.Monday], result.Slots.Select(s => s.Start.InZone(jeddah.Zone).DayOfWeek));
        // 09:00 in Jeddah is 13:00 in Jakarta: the first half hour of their overlap.
        Assert.Equal(new LocalTime(9, 0), result.Slots[0].Start.InZone(jeddah.Zone).TimeOfDay);
    }

    [Fact]
    public void A_participant_already_booked_pushes_the_slot_past_the_booking_and_a_day_full_of_bookings_is_explained()
    {
        var booked = Seeker("Fort Worth", "America/Chicago", "US", Hours(7, 18), null, new Interval(Utc(2027, 3, 10, 13), Utc(2027, 3, 10, 13, 30)));
        var later = Find(Utc(2027, 3, 10), days: 1, minutes: 30, seekers: [BandungOfficer, booked]);
        Assert.Equal(Utc(2027, 3, 10, 13, 30), Assert.Single(later.Slots).Start);
        Assert.Equal(Utc(2027, 3, 10, 14, 0), later.Slots[0].End);

        var full = Seeker("Fort Worth", "America/Chicago", "US", Hours(7, 18), null, new Interval(Utc(2027, 3, 10, 12), Utc(2027, 3, 10, 16)));
        var none = Find(Utc(2027, 3, 10), days: 1, seekers: [BandungOfficer, full]);
        Assert.Empty(none.Slots);
        Assert.Contains("booked", Assert.Single(none.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_longer_than_the_overlap_gets_the_longest_window_in_its_reason()
    {
        var result = Find(Utc(2027, 3, 10), days: 3, minutes: 120);

        Assert.Empty(result.Slots);
        Assert.Contains("the longest time everyone is free is 60 minutes", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void The_finder_proposes_exactly_what_scanning_every_candidate_start_proposes()
    {
        string[] zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Seoul", "Asia/Tokyo", "America/Chicago", "Europe/Berlin", "Asia/Riyadh", "Asia/Kolkata", "Australia/Adelaide"];
        string[] countries = ["ID", "ID", "ID", "KR", "JP", "US", "DE", "SA", "IN", "AU"];
        var seeker = Gen.Select(Gen.Int[0, zones.Length - 1], Gen.Int[0, 10], Gen.Int[2, 12], Gen.Int[0, 3].SelectMany(n => Gen.Int[0, 24 * 20].Array[n]))
            .Select((z, from, span, busy) => Seeker($"s{z}", zones[z], countries[z], Hours(from, Math.Min(23, from + span)), countries[z] == "ID" ? "31" : null,
                [.. busy.Select(h => new Interval(Utc(2027, 3, 1) + Duration.FromHours(h), Utc(2027, 3, 1) + Duration.FromHours(h) + Duration.FromMinutes(90)))]));
        var search = Gen.Select(seeker.Array[2, 5], Gen.Int[0, 300], Gen.Int[1, 20], Gen.Int[1, 8], Gen.Int[1, 6])
            .Select((seekers, offsetHours, days, halfHours, max) => new SlotSearch(seekers, Utc(2027, 3, 1) + Duration.FromMinutes(offsetHours * 37), days, Duration.FromMinutes(halfHours * 30), Duration.FromMinutes(30), max));
        var holidays = new HolidayCalendar([("ID", null, new LocalDate(2027, 3, 11)), ("US", null, new LocalDate(2027, 3, 15)), ("ID", "31", new LocalDate(2027, 3, 16))]);

        search.Sample(s => Assert.Equal(SlotScan.Find(s, holidays), SlotFinder.Find(s, holidays).Slots), iter: 300);
    }
}
