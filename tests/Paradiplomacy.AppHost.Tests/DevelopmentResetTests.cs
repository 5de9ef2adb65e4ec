using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Paradiplomacy.Hosting.Commands;
using Paradiplomacy.Testing;

namespace Paradiplomacy.AppHost.Tests;

/// <summary>The "Reset development data" command of the postgres resource, on the real servers.</summary>
public class DevelopmentResetTests
{
    [Fact]
    public async Task Reset_empties_the_service_databases_and_the_services_come_back_with_their_reference_data()
    {
        await using var host = await PlatformTestHost.StartAsync("reset", without: ["agreements", "gateway"]);
        using var registry = new HttpClient { BaseAddress = host.Endpoint("registry", "http") };
        using (var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
        {
            Content = JsonContent.Create(new { profile = new { summary = "Malang, kota pendidikan" }, updateMask = "summary" }),
        })
        {
            request.Headers.Authorization = new("Bearer", host.Token("regional-officer", "35.73"));
            using var response = await registry.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var result = await host.CommandAsync("postgres", OperatorCommandExtensions.ResetStateCommand);

        Assert.True(result.Success, result.Message);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync("registry");
        using var json = JsonDocument.Parse(await registry.GetStringAsync("/api/v1/cities/idn-35.73"));
        // The region is there again (reference data reloaded), without what was written before the reset.
        Assert.Equal("35.73", json.RootElement.GetProperty("code").GetString());
        Assert.NotEqual("Malang, kota pendidikan", json.RootElement.TryGetProperty("profile", out var profile) && profile.TryGetProperty("summary", out var s) ? s.GetString() : null);
    }
}
