using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>The registry's partnership consumer as the agreements service feeds it: many agreements of one
/// city taking effect at once (a backlog after an outage, a batch registration) are consumed concurrently.</summary>
[Collection(RegistryCollection.Name)]
public class PartnershipConsumerTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Agreements_of_one_city_handled_at_the_same_time_each_add_their_partner()
    {
        const string city = "idn-36.72"; // Kota Cilegon: no other test gives it partners
        var korean = await fixture.Client.ListCitiesAsync(new ListCitiesRequest { Filter = "country = \"KR\"", PageSize = 24 });
        var partners = korean.Cities.Select(c => c.Id).ToList();
        Assert.Equal(24, partners.Count);

        var bus = fixture.Services.GetRequiredService<IBus>();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(partners.Select(partner =>
            bus.Publish(new AgreementActivated($"agr-{run}-{partner}", 3, "Active", "SISTER_CITY", city, "36.72", [partner], "agreements:test"))));

        var current = new HashSet<string>();
        for (var i = 0; i < 120 && current.Count < partners.Count; i++)
        {
            await Task.Delay(500);
            current = (await fixture.Client.GetCityAsync(new GetCityRequest { Id = city })).CurrentPartnerIds.ToHashSet();
        }
        // Each foreign city has the Indonesian one as its partner, and the Indonesian city has every one of them.
        Assert.Equal(partners.ToHashSet(), current);
        foreach (var partner in partners.Take(3))
        {
            Assert.Contains(city, (await fixture.Client.GetCityAsync(new GetCityRequest { Id = partner })).CurrentPartnerIds);
        }
    }
}
