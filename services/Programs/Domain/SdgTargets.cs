using System.Text.RegularExpressions;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Programs.Domain;

/// <summary>Sustainable Development Goals as tags: a goal ("11") or one of its targets ("11.6", "17.17",
/// "11.a"), goals 1 to 17.</summary>
public static partial class SdgTargets
{
    public const int MaxTags = 20;

    public static bool IsValid(string tag)
    {
        var match = Tag().Match(tag);
        return match.Success && int.Parse(match.Groups["goal"].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 17;
    }

    public static List<string> Check(IEnumerable<string> tags, string field, Violations violations)
    {
        var list = tags.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxTags)
        {
            violations.Add(field, $"at most {MaxTags} SDG tags");
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (!IsValid(list[i]))
            {
                violations.Add($"{field}[{i}]", $"'{list[i]}' is not an SDG goal or target: write a goal 1-17 or a target such as 11.6, 17.17 or 11.a");
            }
        }
        return list;
    }

    [GeneratedRegex(@"^(?<goal>\d{1,2})(\.(\d{1,2}|[a-c]))?$")]
    private static partial Regex Tag();
}
