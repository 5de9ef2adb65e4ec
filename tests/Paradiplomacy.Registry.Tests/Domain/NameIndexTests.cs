using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Tests.Domain;

/// <summary>The search index's layers of changed cities: a city is found by its latest names only, however many
/// batches changed it, and the layers stay few as changes accumulate.</summary>
public class NameIndexTests
{
    private static IndexedCity Place(string id, long population) => new(id, "JP", CityLevel.Municipality, null, population, false, [], []);

    private static (IndexedCity, IReadOnlyList<string>) Entry(IndexedCity city, string name) => (city, [.. NameNormalizer.SearchForms(name)]);

    private static NameIndex Base() => new(new NameSet(new[]
    {
        Entry(Place("gn-1850147", 8_336_599), "Tokyo"),
        Entry(Place("gn-1857910", 1_459_640), "Kyoto"),
    }.Select(e => (e.Item1, (IEnumerable<string>)e.Item2))));

    private static IReadOnlyList<string> Search(NameIndex index, string query) =>
        index.Search(NameNormalizer.Normalize(query), CityFilter.None, 0, 10);

    [Fact]
    public void A_city_renamed_in_later_batches_is_found_by_its_latest_name_only()
    {
        var index = Base()
            .With([Entry(Place("bench-1", 10), "Kamakura")])
            .With([Entry(Place("bench-2", 20), "Nara")])
            .With([Entry(Place("bench-1", 10), "Kamakura Machi")]) // the same city again, renamed
            .With([Entry(Place("gn-1857910", 1_459_640), "Kyōto-shi")]); // a base city changed

        Assert.Equal(["bench-1"], Search(index, "kamakura machi"));
        Assert.Equal(["bench-1"], Search(index, "kamakura")); // a prefix of the new name
        Assert.Equal(["bench-2"], Search(index, "nara"));
        Assert.Equal(["gn-1857910"], Search(index, "kyoto-shi"));
        Assert.Equal(3, index.Changed); // bench-1, bench-2 and Kyoto
    }

    [Fact]
    public void A_replaced_entry_is_not_found_by_its_old_name_even_after_layers_merge()
    {
        var index = Base().With([Entry(Place("bench-1", 10), "Odawara")]);
        for (var i = 0; i < 40; i++)
        {
            index = index.With([Entry(Place($"filler-{i}", i), $"Filler {i}")]);
        }
        index = index.With([Entry(Place("bench-1", 10), "Hakone")]);

        Assert.Empty(Search(index, "odawara"));
        Assert.Equal(["bench-1"], Search(index, "hakone"));
        Assert.Equal("filler-7", Search(index, "filler 7")[0]); // similar names follow it
    }

    [Fact]
    public void Layers_stay_few_as_thousands_of_single_changes_accumulate()
    {
        var index = Base();
        for (var i = 0; i < 5_000; i++)
        {
            index = index.With([Entry(Place($"bench-{i}", i), $"Bench {i}")]);
        }

        Assert.Equal(5_000, index.Changed);
        Assert.InRange(index.Layers, 1, 9); // sizes fall by about NameIndex.Tier from one layer to the next
        Assert.Equal("bench-4321", Search(index, "bench 4321")[0]);
    }
}
