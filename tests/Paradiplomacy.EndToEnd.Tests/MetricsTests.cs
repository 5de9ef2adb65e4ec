using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The dashboard's metrics as an operator reads them: calls per method with refusals and
/// latency from the gateway and the service, the servers' own figures, and an outbox backlog that
/// the dashboard names as a problem while the broker is away.</summary>
[Collection(SystemCollection.Name)]
public class MetricsTests(SystemFixture fixture)
{
    [Fact]
    public async Task Calls_through_the_gateway_show_per_method_at_the_gateway_and_the_service_with_refusals_and_latency()
    {
        var client = new CityRegistry.CityRegistryClient(fixture.GatewayGrpc);
        for (var i = 0; i < 20; i++)
        {
            await client.GetCityAsync(new GetCityRequest { Id = "idn-35.78" });
            var missing = await Assert.ThrowsAsync<RpcException>(async () => await client.GetCityAsync(new GetCityRequest { Id = $"gn-{900_000_000 + i}" }));
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            (await fixture.Gateway.GetAsync("/api/v1/cities/idn-35.78:suggestPartners?page_size=2")).EnsureSuccessStatusCode().Dispose();
        }

        using var dashboard = new HttpClient { BaseAddress = new Uri(fixture.App.DashboardUrl) };
        JsonElement Method(JsonElement report, string service, string method) => report.GetProperty("services").EnumerateArray()
            .Where(s => s.GetProperty("service").GetString() == service)
            .SelectMany(s => s.GetProperty("methods").EnumerateArray())
            .FirstOrDefault(m => m.GetProperty("method").GetString() == method);

        var report = await WaitForAsync(dashboard, r =>
            Method(r, "registry", "CityRegistry/GetCity") is { ValueKind: JsonValueKind.Object } atService && atService.GetProperty("calls").GetInt64() >= 40
            && Method(r, "gateway", "CityRegistry/GetCity") is { ValueKind: JsonValueKind.Object } atGateway && atGateway.GetProperty("calls").GetInt64() >= 40
            // REST through the gateway is named by the contract method it reaches, as the service names it.
            && Method(r, "gateway", "CityRegistry/SuggestPartners") is { ValueKind: JsonValueKind.Object } rest && rest.GetProperty("calls").GetInt64() >= 3
            && Series(r, "postgresConnections").Any(s => s.Name == "registry-db" && s.Values.Any(v => v > 0))
            && Series(r, "memoryMiB").Count == fixture.App.Resources.Count
            // Charts end at the last complete step: on a system just started these need a step or two.
            && Series(r, "cpuPercent").Any(s => s.Name == "registry" && s.Values.Any(v => v is not null))
            && Series(r, "redisCommandsPerSecond").Any(s => s.Values.Any(v => v > 0)));

        foreach (var service in new[] { "registry", "gateway" })
        {
            var getCity = Method(report, service, "CityRegistry/GetCity");
            // Half of our calls asked for a city that does not exist: refused, not a fault.
            Assert.InRange(getCity.GetProperty("refusedPercent").GetDouble(), 1, 99);
            Assert.Equal(0, getCity.GetProperty("errorPercent").GetDouble());
            Assert.True(getCity.GetProperty("p99Ms").GetDouble() >= getCity.GetProperty("p50Ms").GetDouble());
        }
        Assert.NotEmpty(Series(report, "queueMessages"));
        Assert.True(report.GetProperty("postgresMaxConnections").GetDouble() > 0);
        var registryRate = report.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "registry").GetProperty("ratePerSecond");
        Assert.Contains(registryRate.EnumerateArray(), v => v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0);
    }

    [Fact]
    public async Task An_outbox_that_cannot_reach_the_broker_is_charted_and_named_among_the_problems_until_it_drains()
    {
        var broker = fixture.App.Get<RabbitMQResource>("eventbus");
        using var dashboard = new HttpClient { BaseAddress = new Uri(fixture.App.DashboardUrl) };
        await broker.StopAsync();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-51.71")
            {
                Content = JsonContent.Create(new { profile = new { traits = new[] { "tourism_destination" } }, updateMask = "traits" }),
            };
            request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "51.71"));
            using var response = await fixture.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await WaitForAsync(dashboard, r => Series(r, "outboxPending").Any(s => s.Name == "registry" && s.Values.LastOrDefault(v => v is not null) >= 1));
            var named = await WaitForProblemAsync(dashboard, p => p.Any(x => x.StartsWith("registry's outbox", StringComparison.Ordinal)));
            Assert.True(named, "an event waiting over 30 s is named among the problems");
        }
        finally
        {
            await broker.StartAsync(CancellationToken.None);
        }

        await WaitForAsync(dashboard, r => Series(r, "outboxPending").Any(s => s.Name == "registry" && s.Values.LastOrDefault(v => v is not null) == 0));
        Assert.True(await WaitForProblemAsync(dashboard, p => !p.Any(x => x.Contains("outbox", StringComparison.Ordinal))), "the problem clears once the outbox drains");
    }

    private static List<(string Name, List<double?> Values)> Series(JsonElement report, string property) =>
        report.GetProperty(property).EnumerateArray().Select(s => (s.GetProperty("name").GetString()!,
            s.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToList())).ToList();

    private static async Task<JsonElement> WaitForAsync(HttpClient dashboard, Func<JsonElement, bool> done)
    {
        JsonElement report = default;
        for (var i = 0; i < 90; i++)
        {
            using var json = JsonDocument.Parse(await dashboard.GetStringAsync("/api/metrics?minutes=2"));
            report = json.RootElement.Clone();
            if (done(report))
            {
                return report;
            }
            await Task.Delay(1000);
        }
        Assert.Fail("The metrics never showed what was expected: " + report.GetRawText()[..Math.Min(3000, report.GetRawText().Length)]);
        return report;
    }

    private static async Task<bool> WaitForProblemAsync(HttpClient dashboard, Func<IReadOnlyList<string>, bool> done)
    {
        for (var i = 0; i < 90; i++)
        {
            var problems = await dashboard.GetFromJsonAsync<List<string>>("/api/problems");
            if (done(problems!))
            {
                return true;
            }
            await Task.Delay(1000);
        }
        return false;
    }
}
