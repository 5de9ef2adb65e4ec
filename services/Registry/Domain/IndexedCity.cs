namespace Paradiplomacy.Registry.Domain;

/// <summary>What search needs of a city besides its names: what the filter asks about and what ranks ties.</summary>
public sealed record IndexedCity(string Id, string CountryCode, CityLevel Level, string? ParentId, long? Population, bool Seeking,
    IReadOnlyList<string> Traits, IReadOnlyList<string> Fields)
{
    public static IndexedCity Of(City city) => new(city.Id, city.CountryCode, city.Level, city.ParentId, city.Population, city.Profile.Seeking.Active,
        [.. city.Profile.Traits], [.. city.Profile.AllFields()]);

    public bool Matches(CityFilter filter) =>
        (filter.CountryCode is null || filter.CountryCode == CountryCode)
        && (filter.Level is null || filter.Level == Level)
        && (filter.ParentId is null || filter.ParentId == ParentId)
        && (filter.Seeking is null || filter.Seeking == Seeking)
        && (filter.Trait is null || Traits.Contains(filter.Trait, StringComparer.Ordinal))
        && (filter.Field is null || Fields.Contains(filter.Field, StringComparer.Ordinal));

    /// <summary>The same facts (the record's own equality compares the lists by reference).</summary>
    public bool SameAs(IndexedCity other) =>
        Id == other.Id && CountryCode == other.CountryCode && Level == other.Level && ParentId == other.ParentId && Population == other.Population
        && Seeking == other.Seeking && Traits.SequenceEqual(other.Traits) && Fields.SequenceEqual(other.Fields);

    /// <summary>Search's order: higher score first, then larger population (unknown last), then id.</summary>
    public static int Rank((double Score, IndexedCity City) a, (double Score, IndexedCity City) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }
        var byPopulation = (b.City.Population ?? long.MinValue).CompareTo(a.City.Population ?? long.MinValue);
        return byPopulation != 0 ? byPopulation : string.CompareOrdinal(a.City.Id, b.City.Id);
    }
}
