using System.Text.RegularExpressions;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>The filter language of every List method, a subset of AIP-160: <c>field = value</c>
/// terms joined by AND, values quoted or bare. Each service says which fields it knows.</summary>
public static partial class FilterTerms
{
    public const string FieldName = "filter";
    private const int MaxLength = 500;

    public static IReadOnlyDictionary<string, string> Parse(string? text, IReadOnlyCollection<string> knownFields)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }
        if (text.Length > MaxLength)
        {
            throw new ValidationException(FieldName, $"must be at most {MaxLength} characters");
        }
        foreach (var part in AndSeparator().Split(text.Trim()))
        {
            var match = Term().Match(part);
            if (!match.Success)
            {
                throw new ValidationException(FieldName, $"cannot read '{part.Trim()}': write terms as field = \"value\" joined by AND");
            }
            var name = match.Groups["field"].Value.ToLowerInvariant();
            if (!knownFields.Contains(name))
            {
                throw new ValidationException(FieldName, $"unknown field '{name}'; filter on {string.Join(", ", knownFields)}");
            }
            if (!terms.TryAdd(name, match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value))
            {
                throw new ValidationException(FieldName, $"'{name}' appears more than once");
            }
        }
        return terms;
    }

    /// <summary>An enum value named in a filter, by its name in the contract (SISTER_CITY) or in code (SisterCity).</summary>
    public static TEnum ParseEnum<TEnum>(string field, string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ValidationException(FieldName,
                $"unknown {field} '{value}'; use one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(ToUpperSnake))}");

    public static bool ParseBool(string field, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ValidationException(FieldName, $"{field} takes true or false, not '{value}'"),
    };

    private static string ToUpperSnake(string name) => UpperSnake().Replace(name, "$1_$2").ToUpperInvariant();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex("""^\s*(?<field>[A-Za-z_]+)\s*=\s*(?:"(?<quoted>[^"]{1,100})"|(?<bare>[A-Za-z0-9_.\-]{1,100}))\s*$""")]
    private static partial Regex Term();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperSnake();
}
