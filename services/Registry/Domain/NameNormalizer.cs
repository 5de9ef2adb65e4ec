using System.Globalization;
using System.Text;

namespace Paradiplomacy.Registry.Domain;

/// <summary>Folds a name to the form search compares: lower case, no diacritics ("Pécs" → "pecs",
/// "Kyôto" → "kyoto"), punctuation as spaces, single spaces.</summary>
public static class NameNormalizer
{
    // Letters that Unicode does not decompose into base + mark.
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ı'] = "i", ['þ'] = "th", ['ð'] = "d",
    };

    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }
        var decomposed = value.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (Special.TryGetValue(c, out var replacement))
            {
                sb.Append(replacement);
                lastWasSpace = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }
        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The forms a name is found by: the whole name and every tail that starts at a word,
    /// so "surabaya" finds "KOTA SURABAYA" and "york" finds "New York" by prefix.</summary>
    public static IEnumerable<string> SearchForms(string name)
    {
        var normalized = Normalize(name);
        if (normalized.Length == 0)
        {
            yield break;
        }
        yield return normalized;
        for (var i = normalized.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = normalized.IndexOf(' ', i + 1))
        {
            if (normalized.Length - i - 1 >= 2)
            {
                yield return normalized[(i + 1)..];
            }
        }
    }
}
