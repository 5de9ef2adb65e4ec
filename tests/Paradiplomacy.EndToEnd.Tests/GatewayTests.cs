using System.Net;
using System.Text.Json;
using Grpc.Reflection.V1Alpha;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class GatewayTests(SystemFixture fixture)
{
    [Fact]
    public async Task Rest_search_through_the_gateway_finds_Surabaya_with_a_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cities?query=surabaya");
        request.Headers.Add("X-Correlation-Id", "e2e-surabaya-1");
        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("e2e-surabaya-1", response.Headers.GetValues("X-Correlation-Id").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var city = json.RootElement.GetProperty("cities")[0];
        Assert.Equal("Kota Surabaya", city.GetProperty("name").GetString());
        Assert.Equal("35.78", city.GetProperty("code").GetString());
        Assert.Equal("Jawa Timur", city.GetProperty("parentName").GetString());
        Assert.Equal("Asia/Jakarta", city.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Rest_get_and_custom_method_routes_reach_the_registry()
    {
        using var get = await fixture.Gateway.GetAsync("/api/v1/cities/iso-JP-26");
        using var suggest = await fixture.Gateway.GetAsync("/api/v1/cities/idn-34:suggestPartners?page_size=3");
        using var missing = await fixture.Gateway.GetAsync("/api/v1/cities/gn-0");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("Kyôto", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Grpc_through_the_gateway_searches_and_reflection_lists_the_registry()
    {
        var client = new CityRegistry.CityRegistryClient(fixture.GatewayGrpc);
        var response = await client.ListCitiesAsync(new ListCitiesRequest { Query = "kyoto", PageSize = 5 });

        Assert.Contains(response.Cities, c => c.Id == "gn-1857910");
        Assert.Contains(response.Cities, c => c.Id == "iso-JP-26");

        var reflection = new ServerReflection.ServerReflectionClient(fixture.GatewayGrpc);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("paradiplomacy.registry.v1.CityRegistry", services);
        Assert.Contains("paradiplomacy.agreements.v1.Agreements", services);
    }

    [Fact]
    public async Task Unknown_routes_are_json_404s_and_health_reflects_the_destinations()
    {
        using var unknown = await fixture.Gateway.GetAsync("/api/v1/nothing-here");
        using var health = await fixture.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("destinations", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_shows_every_resource_running_and_healthy()
    {
        string[] expected = ["agreements", "agreements-db", "cache", "eventbus", "eventbus-epmd", "gateway", "identity", "postgres", "registry", "registry-db"];
        foreach (var name in expected)
        {
            var snapshot = fixture.Host.Snapshot(name);
            Assert.Equal("Running", snapshot.State?.Text);
            // epmd has no health check of its own: running is its readiness.
            Assert.True(snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, $"{name} is {snapshot.HealthStatus}");
        }
        Assert.NotNull(fixture.Host.Snapshot("postgres").HealthStatus);
        Assert.Contains(fixture.Host.Snapshot("gateway").Urls, u => u.Url.EndsWith("/docs", StringComparison.Ordinal));
        Assert.Contains(fixture.Host.Snapshot("eventbus").Urls, u => u.Name == "management");
    }
}
