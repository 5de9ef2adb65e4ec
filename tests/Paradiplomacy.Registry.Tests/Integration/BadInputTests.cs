using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

[Collection(RegistryCollection.Name)]
public class BadInputTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Unknown_city_is_not_found_over_grpc_and_404_over_rest()
    {
        var status = await RpcAssert.FailsWith(StatusCode.NotFound, async () => await fixture.Client.GetCityAsync(new GetCityRequest { Id = "gn-0" }));
        using var response = await fixture.Rest.GetAsync("/api/v1/cities/gn-0");

        Assert.Contains("gn-0", status.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("a", 0, "", "query")]
    [InlineData(" ", 0, "", "query")]
    [InlineData("kyoto", 101, "", "page_size")]
    [InlineData("kyoto", -1, "", "page_size")]
    [InlineData("kyoto", 0, "colour = \"red\"", "filter")]
    public async Task Bad_list_requests_name_the_field(string query, int pageSize, string filter, string field)
    {
        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = query, PageSize = pageSize, Filter = filter }));

        Assert.Contains(field, RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Over_long_query_is_rejected()
    {
        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = new string('k', 101) }));

        Assert.Equal(["query"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task Rest_bad_request_is_400_with_the_field_violations_as_json()
    {
        using var response = await fixture.Rest.GetAsync("/api/v1/cities?query=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("google.rpc.BadRequest", body, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"query\"", body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_enum_are_400_and_write_nothing()
    {
        var token = fixture.Token("regional-officer", "34");
        var before = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" });

        using var malformed = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-34")
        {
            Content = new StringContent("{\"profile\": {\"traits\": [\"former_capital\"", Encoding.UTF8, "application/json"),
        };
        malformed.Headers.Authorization = new("Bearer", token);
        using var malformedResponse = await fixture.Rest.SendAsync(malformed);

        using var unknownEnum = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cities")
        {
            Content = JsonContent.Create(new { name = "Somewhere", countryCode = "JP", level = "VILLAGE", timeZone = "Asia/Tokyo" }),
        };
        unknownEnum.Headers.Authorization = new("Bearer", token);
        using var enumResponse = await fixture.Rest.SendAsync(unknownEnum);

        Assert.Equal(HttpStatusCode.BadRequest, malformedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, enumResponse.StatusCode);
        Assert.DoesNotContain("   at ", await enumResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" });
        Assert.Equal(before.Etag, after.Etag);
        var search = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "somewhere", Filter = "country = \"JP\"" });
        Assert.DoesNotContain(search.Cities, c => c.Name == "Somewhere");
    }

    [Fact]
    public async Task Writes_without_a_token_are_unauthenticated()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () =>
            await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest { Id = "idn-35.78", Profile = new CityProfile() }));

        using var response = await fixture.Rest.PostAsJsonAsync("/api/v1/cities", new { name = "X", countryCode = "JP", level = "MUNICIPALITY" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_invalid_profile_field_is_reported_at_once()
    {
        var profile = new CityProfile
        {
            Traits = { "port_city", "haunted" },
            PriorityFields = { "maritime", "astrology" },
            Languages = { "english" },
            Coordinator = new Contact { Email = "not-an-email", Name = new string('n', 201) },
            Summary = new string('s', 4001),
        };

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest { Id = "idn-73.71", Profile = profile },
                fixture.Bearer("regional-officer", "73.71")));

        Assert.Equal(
            new[] { "profile.coordinator.email", "profile.coordinator.name", "profile.languages[0]", "profile.priority_fields[1]", "profile.summary", "profile.traits[1]" },
            RpcAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
        var makassar = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-73.71" });
        Assert.Empty(makassar.Profile.Traits);
    }
}
