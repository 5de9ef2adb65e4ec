using Google.Type;
using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

[Collection(RegistryCollection.Name)]
public class CreateCityTests(RegistryFixture fixture)
{
    private static City Cotabato() => new()
    {
        Name = "Cotabato City Test",
        Level = CityLevel.Municipality,
        CountryCode = "PH",
        Population = 325_079,
        Location = new LatLng { Latitude = 7.22, Longitude = 124.25 },
        TimeZone = "Asia/Manila",
        AlternateNames = { "Kutawato" },
    };

    [Fact]
    public async Task Officer_registers_a_government_abroad_and_finds_it_by_alternate_name()
    {
        var created = await fixture.Client.CreateCityAsync(new CreateCityRequest { City = Cotabato(), RequestId = Guid.NewGuid().ToString() },
            fixture.Bearer("regional-officer", "32.73"));

        Assert.StartsWith("reg-", created.Id, StringComparison.Ordinal);
        Assert.Equal("Philippines", created.CountryName);
        var found = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Query = "kutawato" });
        Assert.Equal(created.Id, found.Cities[0].Id);
    }

    [Fact]
    public async Task The_same_request_id_returns_the_first_city_and_a_second_registration_is_already_exists()
    {
        var city = Cotabato();
        city.Name = "Fuqing Test";
        city.CountryCode = "CN";
        city.TimeZone = "Asia/Shanghai";
        city.AlternateNames.Clear();
        var requestId = Guid.NewGuid().ToString();
        var officer = fixture.Bearer("regional-officer", "35.73");

        var first = await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city, RequestId = requestId }, officer);
        var retry = await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city, RequestId = requestId }, officer);
        var status = await RpcAssert.FailsWith(StatusCode.AlreadyExists, async () =>
            await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city, RequestId = Guid.NewGuid().ToString() }, officer));

        Assert.Equal(first.Id, retry.Id);
        Assert.Contains(first.Id, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_registrations_name_every_bad_field()
    {
        var city = new City
        {
            Name = "",
            CountryCode = "XX",
            Level = CityLevel.Municipality,
            Population = -5,
            Location = new LatLng { Latitude = 120, Longitude = 0 },
        };

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city }, fixture.Bearer("ministry-reviewer", ministry: "kemlu")));

        Assert.Equal(new[] { "city.country_code", "city.location", "city.name", "city.population" },
            RpcAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_time_zone_is_rejected()
    {
        var city = Cotabato();
        city.Name = "Nowhere Test";
        city.TimeZone = "Mars/Olympus";

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city }, fixture.Bearer("ministry-reviewer", ministry: "kemlu")));

        Assert.Equal(["city.time_zone"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_partner_key_cannot_register_governments()
    {
        var city = Cotabato();
        city.Name = "Partner Made Test";

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.CreateCityAsync(new CreateCityRequest { City = city }, fixture.Bearer("partner", "gn-2644210")));
    }
}
