using System.Text.RegularExpressions;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>A text in one or more languages, by BCP 47 code ("id", "en", "ja", "zh-Hans").</summary>
public static partial class LocalizedText
{
    public const int MaxLanguages = 10;

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    /// <summary>The texts, trimmed, checked: at least one language, known-looking codes, none empty, each at most <paramref name="max"/>.</summary>
    public static Dictionary<string, string> Check(IReadOnlyDictionary<string, string> texts, string field, int max, Violations violations)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (texts.Count == 0)
        {
            violations.Add(field, "needs the text in at least one language (\"id\", \"en\"...)");
            return result;
        }
        if (texts.Count > MaxLanguages)
        {
            violations.Add(field, $"has {texts.Count} languages; at most {MaxLanguages}");
            return result;
        }
        foreach (var (language, text) in texts)
        {
            if (!LanguageCode().IsMatch(language))
            {
                violations.Add($"{field}.{language}", "is not a BCP 47 language code (\"id\", \"en\", \"ja\", \"zh-Hans\")");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                violations.Add($"{field}.{language}", "is empty");
            }
            else if (text.Length > max)
            {
                violations.Add($"{field}.{language}", $"must be at most {max} characters (got {text.Length})");
            }
            else
            {
                result[language] = text.Trim();
            }
        }
        return result;
    }

    public static bool IsLanguage(string code) => LanguageCode().IsMatch(code);
}
