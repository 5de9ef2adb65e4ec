using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>What partners meet in the registry: names as people write and remember them, one record per region.</summary>
[Collection(RegistryCollection.Name)]
public class ReferenceNamesTests(RegistryFixture fixture)
{
    [Theory]
    [InlineData("pusan", "gn-1838524")]
    [InlineData("bombay", "gn-1275339")]
    [InlineData("peking", "gn-1816670")]
    [InlineData("saigon", "gn-1566083")]
    [InlineData("batavia", "idn-31")]
    [InlineData("kab bandung", "idn-32.04")]
    [InlineData("di yogyakarta", "idn-34")]
    [InlineData("KOTA SURABAYA", "idn-35.78")]
    public async Task Former_alternate_and_official_names_find_the_place(string query, string id)
    {
        var response = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = query, PageSize = 5 });

        Assert.Contains(response.Cities, c => c.Id == id);
    }

    [Fact]
    public async Task Each_Indonesian_region_is_one_record_carrying_its_ISO_code()
    {
        var jakarta = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-31" });
        var provinces = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = "country = \"ID\" AND level = PROVINCE", PageSize = 100 });
        var subdivisions = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = "country = \"ID\" AND level = SUBDIVISION", PageSize = 100 });

        Assert.Equal(("DKI Jakarta", "ID-JK"), (jakarta.Name, jakarta.IsoCode));
        Assert.Equal(38, provinces.Cities.Count);
        Assert.All(provinces.Cities, p => Assert.StartsWith("ID-", p.IsoCode, StringComparison.Ordinal));
        Assert.Empty(subdivisions.Cities);
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await fixture.Client.GetCityAsync(new GetCityRequest { Id = "iso-ID-JK" }));
    }

    [Theory]
    [InlineData("gn-1857910", "iso-JP-26")] // Kyoto under Kyoto Prefecture
    [InlineData("gn-2644210", "iso-GB-ENG")] // Liverpool under England
    [InlineData("gn-1838524", "iso-KR-26")] // Busan under Busan-gwangyeoksi
    [InlineData("gn-4691930", "iso-US-TX")] // Fort Worth under Texas
    public async Task Places_abroad_sit_under_their_first_level_subdivision(string placeId, string subdivisionId)
    {
        var place = await fixture.Client.GetCityAsync(new GetCityRequest { Id = placeId });
        var subdivision = await fixture.Client.GetCityAsync(new GetCityRequest { Id = subdivisionId });
        var under = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = $"parent = \"{subdivisionId}\"", PageSize = 100 });

        Assert.Equal((subdivisionId, subdivision.Name), (place.ParentId, place.ParentName));
        Assert.Contains(under.Cities, c => c.Id == placeId);
    }
}
