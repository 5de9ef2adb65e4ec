using Paradiplomacy.Registry.Domain;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Registry.Tests.Domain;

/// <summary>The partnerships of DOMAIN.md as domain objects.</summary>
internal static class TestCities
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static City Surabaya() => City.FromReference("idn-35.78", CityLevel.City, "KOTA SURABAYA", "ID", "idn-35", "35.78", null, null,
        2_374_658, -7.25, 112.75, "Asia/Jakarta", [], Now);

    public static City Jakarta() => City.FromReference("idn-31", CityLevel.Province, "DKI JAKARTA", "ID", null, "31", null, null,
        10_562_088, -6.2, 106.8, "Asia/Jakarta", [], Now);

    public static City Liverpool() => City.FromReference("gn-2644210", CityLevel.Municipality, "Liverpool", "GB", null, null, null, 2644210,
        864_122, 53.41, -2.98, "Europe/London", [], Now);

    public static City Busan() => City.FromReference("gn-1838524", CityLevel.Municipality, "Busan", "KR", null, null, null, 1838524,
        3_678_555, 35.1, 129.04, "Asia/Seoul", [], Now);

    public static City Pecs() => City.FromReference("gn-3046526", CityLevel.Municipality, "Pécs", "HU", null, null, null, 3046526,
        156_649, 46.07, 18.23, "Europe/Budapest", [], Now);

    public static Caller Officer(string region) => new("officer@" + region, new HashSet<string> { Roles.RegionalOfficer }, region, null);

    public static Caller Operator() => new("ops", new HashSet<string> { Roles.Operator }, null, null);

    public static Caller Partner(string cityId) => new("partner@" + cityId, new HashSet<string> { Roles.Partner }, cityId, null);

    public static CityProfile Profile(string[] traits, string[] fields, bool seeking = false) => new()
    {
        Traits = [.. traits],
        PriorityFields = [.. fields],
        Seeking = new PartnerSeeking { Active = seeking, Fields = seeking ? [.. fields] : [] },
    };
}
