using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>PostgreSQL goes away under the services and comes back: while it is away they say so (their
/// /health, and UNAVAILABLE to a caller, with nothing written), and they recover by themselves, the same
/// processes, once it is back.</summary>
[Collection(ReliabilityCollection.Name)]
public class DatabaseOutageTests(ReliabilityFixture fixture)
{
    private static readonly string[] Services = ["registry", "agreements", "programs", "funding", "meetings"];

    [Fact]
    public async Task While_PostgreSQL_is_stopped_services_are_unhealthy_and_refuse_writes_as_unavailable_then_recover_without_a_restart()
    {
        var officer = fixture.Token("regional-officer", "33.74");
        var before = Services.ToDictionary(s => s, s => fixture.Host.ProcessId(s));
        var foreign = (await fixture.ForeignCitiesAsync(250)).Skip(240).ToList();

        Assert.True((await fixture.Host.CommandAsync("postgres", KnownResourceCommands.StopCommand)).Success);
        try
        {
            foreach (var service in Services)
            {
                Assert.True(await HealthAsync(service, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60)), $"{service} still reports healthy without its database");
            }
            // The gateway says what is behind it (/health, the dashboard's view) and stays ready to serve (/ready,
            // a Kubernetes readiness probe): it answers for the services, as the next call shows.
            Assert.True(await HealthAsync("gateway", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30)), "the gateway's /health does not show its services down");
            Assert.True(await HealthAsync("gateway", HttpStatusCode.OK, TimeSpan.FromSeconds(5), "/ready"), "the gateway is not ready while it can serve");
            // A write now: UNAVAILABLE (503 over REST) with a reason a client can act on, never INTERNAL.
            var (status, body) = await fixture.SendAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", officer,
                ReliabilityFixture.RegisterExistingBody("idn-33.74", foreign[0], "Semarang sister city (during the outage)", Guid.NewGuid().ToString("N")));
            Assert.True(status == 503, $"{status} {body}");
            Assert.Contains("DATABASE_UNAVAILABLE", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
        finally
        {
            Assert.True((await fixture.Host.CommandAsync("postgres", KnownResourceCommands.StartCommand)).Success);
        }

        foreach (var service in Services)
        {
            Assert.True(await HealthAsync(service, HttpStatusCode.OK, TimeSpan.FromSeconds(90)), $"{service} did not recover once PostgreSQL was back");
            Assert.Equal(before[service], fixture.Host.ProcessId(service));
        }
        // The refused write left nothing behind: the same agreement registers now, once.
        var id = await fixture.RegisterAgreementAsync("33.74", "idn-33.74", foreign[0], "Semarang sister city (after the outage)", token: officer);
        var listed = await fixture.SucceedAsync(HttpMethod.Get,
            $"/api/v1/agreements?filter=region%20%3D%20%2233.74%22%20AND%20party%20%3D%20%22{foreign[0]}%22", officer);
        Assert.Equal([id], listed.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    private async Task<bool> HealthAsync(string service, HttpStatusCode expected, TimeSpan timeout, string path = "/health")
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.Endpoint(service, "http"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == expected)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering is not the state asked for either.
            }
            await Task.Delay(500);
        }
        return false;
    }
}
