using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.ServiceDefaults.Aggregates;

namespace Paradiplomacy.Registry.Tests.Integration;

[Collection(RegistryCollection.Name)]
public class SuggestPartnersTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Liverpool_is_suggested_to_Surabaya_as_a_fellow_port_city_with_the_reasons()
    {
        // Liverpool's city council keeps its own profile through its partner key.
        await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "gn-2644210",
            Profile = new CityProfile
            {
                Traits = { "port_city", "creative_city" },
                PriorityFields = { "maritime", "creative_economy" },
                Seeking = new PartnerSeeking { Active = true, Fields = { "maritime", "smart_city" } },
            },
        }, fixture.Bearer("partner", "gn-2644210"));
        var surabaya = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-35.78" });
        await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-35.78",
            Etag = surabaya.Etag,
            Profile = new CityProfile { Traits = { "port_city", "industrial" }, PriorityFields = { "maritime", "smart_city", "creative_economy" } },
            UpdateMask = FieldMask.FromString("traits,priority_fields"),
        }, fixture.Bearer("regional-officer", "35.78"));

        var response = await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-35.78", PageSize = 5 });

        var top = response.Suggestions[0];
        Assert.Equal("gn-2644210", top.City.Id);
        Assert.Contains(top.Reasons, r => r.Contains("port city", StringComparison.Ordinal));
        Assert.Contains(top.Reasons, r => r.Contains("maritime", StringComparison.Ordinal));
        Assert.All(response.Suggestions, s => Assert.NotEqual("ID", s.City.CountryCode));
        Assert.True(response.Suggestions.Zip(response.Suggestions.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task A_port_city_is_suggested_port_cities_first_from_what_the_data_shows_each_with_its_reasons()
    {
        // Batam says only that it is a port city; no place abroad has written a profile saying so.
        await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-21.71", Profile = new CityProfile { Traits = { "port_city" } }, UpdateMask = FieldMask.FromString("traits"),
        }, fixture.Bearer("regional-officer", "21.71"));

        var response = await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-21.71", PageSize = 10 });

        Assert.Equal(10, response.Suggestions.Count);
        Assert.All(response.Suggestions, s => Assert.Contains(s.Reasons, r => r.Contains("port city", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_place_near_a_partner_of_the_province_is_suggested_with_that_tie()
    {
        // Jawa Tengah's partnership with Kyoto Prefecture, as the registry records it from the agreements' events.
        using (var scope = fixture.Services.CreateScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<AggregateWriter<Registry.Domain.City>>();
            await writer.ChangeBySystemAsync("idn-33", "test:agreement", "update_partners", c => c.SetCurrentPartners(["iso-JP-26"], DateTimeOffset.UtcNow), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Registry.Data.CityCache>().InvalidateAsync("idn-33");
        }

        var response = await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-33.01", CountryCode = "JP", PageSize = 50 }); // a regency of Jawa Tengah

        var kyoto = Assert.Single(response.Suggestions, s => s.City.Id == "gn-1857910");
        Assert.Contains(kyoto.Reasons, r => r.Contains("already partners with Jawa Tengah", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggestions_can_be_limited_to_one_country()
    {
        var response = await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-32.73", CountryCode = "US", PageSize = 10 });

        Assert.NotEmpty(response.Suggestions);
        Assert.All(response.Suggestions, s => Assert.Equal("US", s.City.CountryCode));
    }

    [Fact]
    public async Task Bad_suggestion_requests_are_rejected()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-99.99" }));
        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.SuggestPartnersAsync(new SuggestPartnersRequest { Id = "idn-35.78", PageSize = 51 }));
        Assert.Equal(["page_size"], RpcAssert.ViolatedFields(status));
    }
}
