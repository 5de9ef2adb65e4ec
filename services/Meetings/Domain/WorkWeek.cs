using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>Which days are a country's weekend: Saturday and Sunday in most of the world, Friday and
/// Saturday in much of the Gulf and North Africa, Friday alone in Iran.</summary>
public static class WorkWeek
{
    private static readonly IsoDayOfWeek[] SaturdaySunday = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
    private static readonly IsoDayOfWeek[] FridaySaturday = [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday];

    private static readonly Dictionary<string, IsoDayOfWeek[]> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SA"] = FridaySaturday, ["KW"] = FridaySaturday, ["QA"] = FridaySaturday, ["BH"] = FridaySaturday,
        ["OM"] = FridaySaturday, ["EG"] = FridaySaturday, ["JO"] = FridaySaturday, ["DZ"] = FridaySaturday,
        ["IQ"] = FridaySaturday, ["LY"] = FridaySaturday, ["SD"] = FridaySaturday, ["YE"] = FridaySaturday,
        ["IL"] = FridaySaturday, ["PS"] = FridaySaturday, ["BD"] = FridaySaturday,
        ["IR"] = [IsoDayOfWeek.Friday], ["AF"] = [IsoDayOfWeek.Friday],
    };

    public static IReadOnlyList<IsoDayOfWeek> WeekendOf(string countryCode) =>
        Exceptions.TryGetValue(countryCode, out var days) ? days : SaturdaySunday;

    public static bool IsWeekend(string countryCode, IsoDayOfWeek day) => WeekendOf(countryCode).Contains(day);
}
