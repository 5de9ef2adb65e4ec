using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The dashboard in a real browser (Debian's chromium driven by Playwright), as an operator uses it.</summary>
[Collection(SystemCollection.Name)]
public class DashboardBrowserTests(SystemFixture fixture)
{
    [Fact]
    public async Task An_operator_sees_every_resource_healthy_finds_the_trace_of_a_request_and_its_method_in_the_metrics()
    {
        var (traceId, traceParent) = W3CTrace.NewSampled();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cities/idn-35.78:suggestPartners?page_size=3");
        request.Headers.Add("traceparent", traceParent);
        using (var response = await fixture.Gateway.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var screenshot = Path.Combine(Path.GetTempPath(), $"dashboard-{traceId[..8]}.png");
        var info = new ProcessStartInfo("node", "check.mjs")
        {
            WorkingDirectory = Path.Combine(Hosting.RepositoryRoot.Find(), "tests", "dashboard-browser"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DASHBOARD"] = fixture.App.DashboardUrl;
        info.Environment["TRACE_ID"] = traceId;
        info.Environment["METHOD"] = "CityRegistry/SuggestPartners";
        info.Environment["SCREENSHOT"] = screenshot;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + errors);
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.True(result.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal(6, result.RootElement.GetProperty("resources").GetArrayLength());
        Assert.True(result.RootElement.GetProperty("consoleFiltered").GetBoolean());
        var services = result.RootElement.GetProperty("spanServices").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("gateway", services);
        Assert.Contains("registry", services);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "a screenshot of the page was taken");
        // The metrics row: method, calls, rate, errors, refused, p50, p99.
        var row = result.RootElement.GetProperty("methodRow").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal("CityRegistry/SuggestPartners", row[0]);
        Assert.True(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.EndsWith(" ms", row[6], StringComparison.Ordinal);
        Assert.True(result.RootElement.GetProperty("chartsWithLines").GetInt32() >= 5, output);
    }
}
