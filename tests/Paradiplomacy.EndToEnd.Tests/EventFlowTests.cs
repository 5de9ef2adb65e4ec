using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Paradiplomacy.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class EventFlowTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_profile_updated_through_the_gateway_is_announced_on_the_bus()
    {
        await using var listener = await BusListener.StartAsync(fixture.EventBus, "CityProfileUpdated", "e2e-profile-updated");

        var etag = await UpdateProfileAsync("idn-35.78", "35.78", new { traits = new[] { "port_city", "industrial" }, priorityFields = new[] { "maritime", "smart_city" } });

        var events = await listener.WaitForAsync(m => Is(m, "idn-35.78", etag), TimeSpan.FromSeconds(30));
        var message = Assert.Single(events).GetProperty("message");
        Assert.Equal("regional-officer@35.78", message.GetProperty("updatedBy").GetString());
        Assert.Contains("traits", message.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_update_while_the_broker_is_down_succeeds_and_its_event_arrives_exactly_once_after()
    {
        await using var listener = await BusListener.StartAsync(fixture.EventBus, "CityProfileUpdated", "e2e-broker-outage");

        Assert.True((await fixture.Host.CommandAsync("eventbus", KnownResourceCommands.StopCommand)).Success);
        string etag;
        try
        {
            etag = await UpdateProfileAsync("idn-32.73", "32.73", new { traits = new[] { "creative_city", "education_hub" } });
        }
        finally
        {
            Assert.True((await fixture.Host.CommandAsync("eventbus", KnownResourceCommands.StartCommand)).Success);
            await fixture.Host.App.ResourceNotifications.WaitForResourceHealthyAsync("eventbus");
        }
        await listener.ConsumeAsync();

        var events = await listener.WaitForAsync(m => Is(m, "idn-32.73", etag), TimeSpan.FromSeconds(60));
        Assert.Single(events);
        // Anything still in flight would have arrived by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(listener.Matching(m => Is(m, "idn-32.73", etag)));
    }

    private async Task<string> UpdateProfileAsync(string id, string region, object profile)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cities/{id}") { Content = JsonContent.Create(new { profile, updateMask = "traits,priorityFields" }) };
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", region));
        using var response = await fixture.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("etag").GetString()!;
    }

    private static bool Is(JsonElement message, string cityId, string etag) =>
        message.GetProperty("cityId").GetString() == cityId && message.GetProperty("etag").GetString() == etag;
}
