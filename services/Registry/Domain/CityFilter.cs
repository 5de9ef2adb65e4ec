using System.Text.RegularExpressions;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Domain;

/// <summary>The filter of ListCities, a subset of AIP-160: <c>field = value</c> terms joined by AND.
/// Example: <c>country = "JP" AND level = SUBDIVISION</c>.</summary>
public sealed partial record CityFilter(
    string? CountryCode = null,
    CityLevel? Level = null,
    string? ParentId = null,
    bool? Seeking = null,
    string? Trait = null,
    string? Field = null)
{
    public const string FieldName = "filter";
    private const int MaxLength = 500;

    public static readonly CityFilter None = new();

    public static CityFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }
        if (text.Length > MaxLength)
        {
            throw new ValidationException(FieldName, $"must be at most {MaxLength} characters");
        }
        var filter = None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in AndSeparator().Split(text.Trim()))
        {
            var match = Term().Match(part);
            if (!match.Success)
            {
                throw new ValidationException(FieldName, $"cannot read '{part.Trim()}': write terms as field = \"value\" joined by AND");
            }
            var name = match.Groups["field"].Value.ToLowerInvariant();
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
            if (!seen.Add(name))
            {
                throw new ValidationException(FieldName, $"'{name}' appears more than once");
            }
            filter = name switch
            {
                "country" => filter with { CountryCode = value.ToUpperInvariant() },
                "level" => filter with { Level = ParseLevel(value) },
                "parent" => filter with { ParentId = value },
                "seeking" => filter with { Seeking = ParseBool(value) },
                "trait" => filter with { Trait = value },
                "field" => filter with { Field = value },
                _ => throw new ValidationException(FieldName, $"unknown field '{name}'; filter on country, level, parent, seeking, trait or field"),
            };
        }
        return filter;
    }

    private static CityLevel ParseLevel(string value) =>
        Enum.TryParse<CityLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new ValidationException(FieldName, $"unknown level '{value}'; use PROVINCE, REGENCY, CITY, SUBDIVISION or MUNICIPALITY");

    private static bool ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ValidationException(FieldName, $"seeking takes true or false, not '{value}'"),
    };

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex("""^\s*(?<field>[A-Za-z_]+)\s*=\s*(?:"(?<quoted>[^"]{1,100})"|(?<bare>[A-Za-z0-9_.\-]{1,100}))\s*$""")]
    private static partial Regex Term();
}
