using System.Globalization;

namespace Paradiplomacy.Registry.Domain;

/// <summary>Ranks candidate partners the way CLAIR's advisers do by hand: shared character (port
/// city, capital, coastal... claimed in a profile or shown by the reference data) first, then shared
/// fields of cooperation and whether the other side is looking; size only breaks near-ties. Every point
/// of score comes with a reason a person can read.</summary>
public static class PartnerMatcher
{
    private const double TraitWeight = 0.5;
    private const double FieldWeight = 0.3;
    private const double SizeWeight = 0.1;
    private const double SeekingWeight = 0.1;
    private const double TieWeight = 0.1;

    /// <param name="ties">Places abroad tied to the asking city's neighbours by a partnership already
    /// recorded (the partner, or its subdivision), each with the reason to show.</param>
    public static IReadOnlyList<PartnerSuggestion> Rank(City asking, IEnumerable<City> candidates, int limit,
        IReadOnlyDictionary<string, string>? ties = null) =>
        candidates
            .Where(c => c.Id != asking.Id && !asking.CurrentPartnerIds.Contains(c.Id))
            .Select(c => Score(asking, c, ties))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.City.Population ?? 0)
            .ThenBy(s => s.City.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    public static PartnerSuggestion Score(City asking, City candidate, IReadOnlyDictionary<string, string>? ties = null)
    {
        var reasons = new List<string>();
        var score = 0.0;

        // A neighbour's partnership is a bridge already built (Kyoto city for a kota of DIY, Kyoto's partner).
        if (ties is not null && (ties.TryGetValue(candidate.Id, out var tie) || (candidate.ParentId is not null && ties.TryGetValue(candidate.ParentId, out tie))))
        {
            score += TieWeight;
            reasons.Add(tie);
        }

        // How much of what the asking city is, the candidate is too.
        var askingTraits = asking.Traits();
        var sharedTraits = askingTraits.Intersect(candidate.Traits(), StringComparer.Ordinal).ToList();
        if (sharedTraits.Count > 0)
        {
            score += TraitWeight * sharedTraits.Count / askingTraits.Count;
            reasons.Add($"both are {string.Join(", ", sharedTraits.Select(Humanize))}");
        }

        var sharedFields = asking.Profile.AllFields().Intersect(candidate.Profile.AllFields(), StringComparer.Ordinal).ToList();
        if (sharedFields.Count > 0)
        {
            score += FieldWeight * Jaccard(asking.Profile.AllFields().ToList(), candidate.Profile.AllFields().ToList());
            reasons.Add($"shared fields of cooperation: {string.Join(", ", sharedFields.Select(Humanize))}");
        }

        if (asking.Population is > 0 && candidate.Population is > 0)
        {
            // 1 for equal size, 0 at a factor of ten apart.
            var similarity = 1 - Math.Min(1, Math.Abs(Math.Log10((double)asking.Population.Value / candidate.Population.Value)));
            score += SizeWeight * similarity;
            if (similarity >= 0.6)
            {
                reasons.Add($"similar size ({FormatPopulation(asking.Population.Value)} and {FormatPopulation(candidate.Population.Value)} people)");
            }
        }

        var seeking = candidate.Profile.Seeking;
        if (seeking.Active && (seeking.PreferredCountries.Count == 0 || seeking.PreferredCountries.Contains(asking.CountryCode)))
        {
            score += SeekingWeight;
            reasons.Add(seeking.Fields.Count > 0
                ? $"is seeking partners for {string.Join(", ", seeking.Fields.Select(Humanize))}"
                : "is seeking partners");
        }

        return new PartnerSuggestion(candidate, Math.Round(score, 4), reasons);
    }

    private static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / union;
    }

    private static string Humanize(string code) => code.Replace('_', ' ');

    private static string FormatPopulation(long people) => people >= 1_000_000
        ? (people / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : (people / 1_000.0).ToString("0", CultureInfo.InvariantCulture) + "k";
}
