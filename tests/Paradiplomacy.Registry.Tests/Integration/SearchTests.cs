using System.Net;
using System.Text.Json;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

[Collection(RegistryCollection.Name)]
public class SearchTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Surabaya_is_found_with_its_Kemendagri_code_province_and_time_zone()
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "surabaya" });

        var first = response.Cities[0];
        Assert.Equal("Kota Surabaya", first.Name);
        Assert.Contains("KOTA SURABAYA", first.AlternateNames);
        Assert.Equal("35.78", first.Code);
        Assert.Equal("Jawa Timur", first.ParentName);
        Assert.Equal("Asia/Jakarta", first.TimeZone);
        Assert.Equal(CityLevel.City, first.Level);
    }

    [Fact]
    public async Task Pecs_is_found_without_its_accent()
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "PECS" });

        Assert.Contains(response.Cities.Take(3), c => c.Name == "Pécs" && c.CountryCode == "HU" && c.Level == CityLevel.Municipality);
    }

    [Fact]
    public async Task Kyoto_finds_the_city_and_the_prefecture()
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "kyoto", PageSize = 5 });

        Assert.Equal("gn-1857910", response.Cities[0].Id); // the city, larger, first
        Assert.Contains(response.Cities, c => c.Id == "iso-JP-26" && c.IsoCode == "JP-26" && c.Level == CityLevel.Subdivision);
    }

    [Fact]
    public async Task Prefixes_and_misspellings_match()
    {
        var prefix = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "liverp" });
        var misspelt = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "surabya" });

        Assert.Contains(prefix.Cities, c => c.Name == "Liverpool" && c.CountryCode == "GB");
        Assert.Equal("idn-35.78", misspelt.Cities[0].Id);
    }

    [Fact]
    public async Task Ties_go_to_the_larger_population()
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "san jose", Filter = "level = MUNICIPALITY", PageSize = 10 });

        var exact = response.Cities.Where(c => c.Name == "San José" || c.Name == "San Jose").ToList();
        Assert.True(exact.Count >= 2);
        Assert.True(exact.Zip(exact.Skip(1)).All(p => p.First.Population >= p.Second.Population));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap()
    {
        var first = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "san", PageSize = 10 });
        var second = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "san", PageSize = 10, PageToken = first.NextPageToken });

        Assert.Equal(10, first.Cities.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(10, second.Cities.Count);
        Assert.Empty(first.Cities.Select(c => c.Id).Intersect(second.Cities.Select(c => c.Id)));
    }

    [Fact]
    public async Task Filter_lists_the_regencies_and_cities_of_a_province()
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = "parent = \"idn-35\" AND level = CITY", PageSize = 100 });

        Assert.Equal(9, response.Cities.Count); // Jawa Timur has nine kota
        Assert.All(response.Cities, c => Assert.StartsWith("Kota ", c.Name, StringComparison.Ordinal));
        Assert.Contains(response.Cities, c => c.Code == "35.73"); // Kota Malang
    }

    [Fact]
    public async Task Every_Indonesian_region_is_loaded()
    {
        var provinces = await CountAsync("country = \"ID\" AND level = PROVINCE");
        var regencies = await CountAsync("country = \"ID\" AND level = REGENCY");
        var cities = await CountAsync("country = \"ID\" AND level = CITY");

        Assert.Equal(38, provinces);
        Assert.Equal(514, regencies + cities);
    }

    [Fact]
    public async Task Rest_search_answers_json_with_lower_camel_case_names()
    {
        using var response = await fixture.Rest.GetAsync("/api/v1/cities?query=malang&page_size=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var city = json.RootElement.GetProperty("cities")[0];
        Assert.StartsWith("K", city.GetProperty("name").GetString(), StringComparison.Ordinal); // KOTA or KABUPATEN MALANG
        Assert.True(city.TryGetProperty("countryCode", out _));
        Assert.True(city.TryGetProperty("timeZone", out _));
    }

    private async Task<int> CountAsync(string filter)
    {
        var count = 0;
        var token = string.Empty;
        do
        {
            var page = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = filter, PageSize = 100, PageToken = token });
            count += page.Cities.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return count;
    }
}
