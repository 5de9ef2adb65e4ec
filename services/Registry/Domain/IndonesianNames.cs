using System.Text;

namespace Paradiplomacy.Registry.Domain;

/// <summary>Kemendagri writes regions' names in capitals ("KOTA SURABAYA", "DAERAH ISTIMEWA YOGYAKARTA");
/// people write "Kota Surabaya" and "Daerah Istimewa Yogyakarta". The registry shows the written form
/// and keeps the official one, with the short forms people use (Kab., DI), as names it is found by.</summary>
public static class IndonesianNames
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal) { "DKI", "DI", "ADM." };
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "DAN" };

    /// <summary>"KABUPATEN TOJO UNA-UNA" → "Kabupaten Tojo Una-Una"; "DKI JAKARTA" → "DKI Jakarta";
    /// "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan".</summary>
    public static string Display(string official)
    {
        var words = official.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            words[i] = Acronyms.Contains(word) ? (word == "ADM." ? "Adm." : word)
                : i > 0 && Particles.Contains(word) ? word.ToLowerInvariant()
                : Capitalized(word);
        }
        return string.Join(' ', words);
    }

    /// <summary>The other names a region is found by: the official capitals and the short forms.</summary>
    public static IEnumerable<string> OtherForms(string official, string display)
    {
        yield return official;
        foreach (var (full, shortForm) in new[] { ("Kabupaten ", "Kab. "), ("Daerah Istimewa ", "DI "), ("Kota Administrasi ", "Kota Adm. "), ("DKI ", "Daerah Khusus Ibukota ") })
        {
            if (display.StartsWith(full, StringComparison.Ordinal))
            {
                yield return shortForm + display[full.Length..];
            }
        }
    }

    /// <summary>Each run of letters starts upper-case and goes on lower-case ("UNA-UNA" → "Una-Una").</summary>
    private static string Capitalized(string word)
    {
        var result = new StringBuilder(word.Length);
        var previousIsLetter = false;
        foreach (var c in word)
        {
            result.Append(previousIsLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousIsLetter = char.IsLetter(c);
        }
        return result.ToString();
    }
}
