using NodaTime;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Meetings.Tests.Domain;

/// <summary>Kota Bandung and Fort Worth, who kept meeting virtually through the pandemic: twelve or thirteen
/// hours apart, depending on the United States' daylight-saving time.</summary>
internal static class TestMeetings
{
    public const string Bandung = "idn-32.73";
    public const string FortWorth = "gn-4691930";
    public const string Region = "32.73";
    public static readonly DateTimeOffset Now = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, Place> Places = new Dictionary<string, Place>
    {
        [Bandung] = new() { CityId = Bandung, Name = "KOTA BANDUNG", CountryCode = "ID", RegionCode = Region, TimeZone = "Asia/Jakarta" },
        [FortWorth] = new() { CityId = FortWorth, Name = "Fort Worth", CountryCode = "US", TimeZone = "America/Chicago" },
    };

    public static Caller Officer(string region = Region) => new($"officer@{region}", new HashSet<string> { Roles.RegionalOfficer }, region, null);

    public static Caller Partner(string city = FortWorth) => new($"key:{city}", new HashSet<string> { Roles.Partner }, city, null);

    public static PartnerAgreement Agreement(string status = "Active")
    {
        var agreement = new PartnerAgreement { AgreementId = "agr-bandung-fortworth" };
        agreement.Apply(3, status, "SISTER_CITY", "Kota Bandung – Fort Worth", Bandung, Region, [FortWorth], ["education", "culture"], new DateOnly(1990, 4, 20), null, null);
        return agreement;
    }

    public static MeetingPlan Plan(params ParticipantInput[] participants) => new("Bandung–Fort Worth working group", "Youth exchange planning", MeetingMode.Virtual, null, null,
        [new AgendaItem(new() { ["id"] = "Pembukaan", ["en"] = "Opening" }, 10, null)], [new InterpretationNeed("id", "en", InterpretationMode.Consecutive)],
        participants.Length > 0 ? participants : [Rina, Jake]);

    public static readonly ParticipantInput Rina = new("Rina Wulandari", "rina@bandung.go.id", "Kepala Bagian Kerja Sama", Bandung, null, false);
    public static readonly ParticipantInput Jake = new("Jake Miller", "jake@fortworthtexas.gov", "International Office", FortWorth, null, false);

    public static Schedule Monthly(DateTimeOffset start, string rule = "FREQ=MONTHLY;BYDAY=2TU;COUNT=6") => new(start, TimeSpan.FromHours(1), "Asia/Jakarta", rule);

    /// <summary>A meeting scheduled at <see cref="Now"/>: once, or by <paramref name="schedule"/>.</summary>
    public static Meeting Scheduled(Schedule? schedule = null, MeetingPlan? plan = null) =>
        Meeting.ScheduleFor("mtg-test", Agreement(), null, plan ?? Plan(), schedule ?? new Schedule(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), "Asia/Jakarta", null),
            Places, "https://meet.example.org/{meeting}", Officer(), null, Now);

    public static SlotSeeker Seeker(string label, string zone, string country, WorkingHours hours, string? region = null, params Interval[] busy) =>
        new(label, DateTimeZoneProviders.Tzdb[zone], country, region, hours, busy);

    public static WorkingHours Hours(int from, int to) => new(new LocalTime(from, 0), new LocalTime(to, 0));

    public static Instant Utc(int year, int month, int day, int hour = 0, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);
}
