using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using StackExchange.Redis;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>The in-memory search answers exactly as the SQL over city_names does, and follows changes made
/// here and on another replica.</summary>
[Collection(RegistryCollection.Name)]
public class SearchIndexTests(RegistryFixture fixture)
{
    [Fact]
    public async Task The_index_ranks_every_sampled_query_as_the_database_does()
    {
        var index = await fixture.SearchIndexAsync();
        var names = new List<(string Name, string Country, string Level)>();
        await using (var data = NpgsqlDataSource.Create(fixture.ConnectionString("registry-db")))
        await using (var command = data.CreateCommand("SELECT n.name, c.country_code, c.level FROM city_names n JOIN cities c ON c.id = n.city_id ORDER BY md5(n.name || n.city_id) LIMIT 150"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var random = new Random(17);
        var cases = new List<(string Query, CityFilter Filter, int Offset)>();
        foreach (var (name, country, level) in names)
        {
            var prefix = name[..Math.Min(name.Length, random.Next(2, 7))];
            var misspelt = Misspell(name, random);
            cases.Add((name, CityFilter.None, 0));
            cases.Add((prefix, CityFilter.None, 0));
            cases.Add((prefix, CityFilter.None, 20));
            cases.Add((prefix, new CityFilter(CountryCode: country), 0));
            cases.Add((misspelt, CityFilter.None, 0));
            cases.Add((misspelt, new CityFilter(Level: Enum.Parse<CityLevel>(level)), 0));
        }
        cases.Add(("surabya", CityFilter.None, 0));
        cases.Add(("kyoto", new CityFilter(CountryCode: "JP"), 0));
        cases.Add(("ka", CityFilter.None, 40));

        using var scope = fixture.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<CitySearch>();
        var differences = new List<string>();
        foreach (var (query, filter, offset) in cases.Where(c => NameNormalizer.Normalize(c.Query).Length >= 2))
        {
            var normalized = NameNormalizer.Normalize(query);
            var inMemory = index.Search(normalized, filter, offset, 21);
            var database = await search.SearchInDatabaseAsync(normalized, filter, offset, 21, CancellationToken.None);
            if (!inMemory.SequenceEqual(database))
            {
                differences.Add($"'{normalized}' {filter} +{offset}: memory [{string.Join(", ", inMemory)}] database [{string.Join(", ", database)}]");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {cases.Count} differ:\n{string.Join("\n", differences.Take(10))}");
    }

    [Fact]
    public async Task Another_replica_finds_a_city_registered_here_and_sees_a_profile_change_without_a_restart()
    {
        await fixture.SearchIndexAsync();
        // A second replica's index: its own database connections and its own Redis subscription.
        await using var data = NpgsqlDataSource.Create(fixture.ConnectionString("registry-db"));
        using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionString("cache"));
        using var cache = new CityCache(redis, TimeProvider.System, NullLogger<CityCache>.Instance);
        using var other = new CityNameIndex(data, cache, TimeProvider.System, NullLogger<CityNameIndex>.Instance);
        await other.LoadAsync(CancellationToken.None);

        var name = $"Puerto Princesa {Guid.NewGuid().ToString("N")[..6]}";
        var created = await fixture.Client.CreateCityAsync(new V1.CreateCityRequest
        {
            City = new V1.City { Name = name, CountryCode = "PH", Level = V1.CityLevel.Municipality, Population = 307_079, TimeZone = "Asia/Manila" },
            RequestId = Guid.NewGuid().ToString(),
        }, fixture.Bearer("regional-officer", "51.71"));
        var query = NameNormalizer.Normalize(name);
        Assert.Equal(created.Id, (await fixture.Client.ListCitiesAsync(new V1.ListCitiesRequest { Query = name })).Cities[0].Id);
        Assert.True(await Eventually(() => other.Current!.Search(query, CityFilter.None, 0, 5) is [var first, ..] && first == created.Id),
            "the other replica never found the new city");

        var seeking = new CityFilter(Seeking: true);
        Assert.DoesNotContain(created.Id, other.Current!.Search(query, seeking, 0, 5));
        await fixture.Client.UpdateCityProfileAsync(new V1.UpdateCityProfileRequest
        {
            Id = created.Id, Profile = new V1.CityProfile { Seeking = new V1.PartnerSeeking { Active = true, Fields = { "tourism" } } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "seeking" } },
        }, fixture.Bearer("partner", created.Id));
        Assert.True(await Eventually(() => other.Current!.Search(query, seeking, 0, 5).Contains(created.Id)), "the other replica never saw the profile change");
    }

    private static string Misspell(string name, Random random)
    {
        var letters = name.ToCharArray();
        var at = random.Next(letters.Length);
        if (random.Next(2) == 0 && at + 1 < letters.Length)
        {
            (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
            return new string(letters);
        }
        return name.Remove(at, 1);
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
