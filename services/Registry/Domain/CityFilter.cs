using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Registry.Domain;

/// <summary>The filter of ListCities: <c>country = "JP" AND level = SUBDIVISION</c>, on country,
/// level, parent, seeking, trait and field.</summary>
public sealed record CityFilter(
    string? CountryCode = null,
    CityLevel? Level = null,
    string? ParentId = null,
    bool? Seeking = null,
    string? Trait = null,
    string? Field = null)
{
    public static readonly CityFilter None = new();

    private static readonly string[] Fields = ["country", "level", "parent", "seeking", "trait", "field"];

    public static CityFilter Parse(string? text)
    {
        var terms = FilterTerms.Parse(text, Fields);
        return terms.Count == 0
            ? None
            : new CityFilter(
                terms.GetValueOrDefault("country")?.ToUpperInvariant(),
                terms.TryGetValue("level", out var level) ? FilterTerms.ParseEnum<CityLevel>("level", level) : null,
                terms.GetValueOrDefault("parent"),
                terms.TryGetValue("seeking", out var seeking) ? FilterTerms.ParseBool("seeking", seeking) : null,
                terms.GetValueOrDefault("trait"),
                terms.GetValueOrDefault("field"));
    }
}
