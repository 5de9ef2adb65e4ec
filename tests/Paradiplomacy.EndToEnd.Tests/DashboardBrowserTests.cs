using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The Aspire dashboard in a real browser (Debian's chromium driven by Playwright), as an operator uses it.</summary>
[Collection(SystemCollection.Name)]
public class DashboardBrowserTests(SystemFixture fixture)
{
    [Fact]
    public async Task An_operator_logs_in_sees_every_resource_running_and_healthy_and_follows_a_write_from_gateway_to_outbox()
    {
        var (traceId, traceParent) = W3CTrace.NewSampled();
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-34")
        {
            Content = JsonContent.Create(new { profile = new { summary = $"Jogja, traced {traceId[..8]}" }, updateMask = "summary" }),
        };
        request.Headers.Add("traceparent", traceParent);
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "34"));
        using (var response = await fixture.Gateway.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The browser opens the trace once the dashboard has all of it, as an operator would look after the fact.
        using (var dashboard = fixture.Dashboard.TelemetryApi())
        {
            await Otlp.WholeTraceAsync(dashboard, traceId, "registry");
        }
        var screenshot = Path.Combine(Path.GetTempPath(), $"aspire-dashboard-{traceId[..8]}");
        var info = new ProcessStartInfo("node", "check.mjs")
        {
            WorkingDirectory = Path.Combine(Hosting.RepositoryRoot.Find(), "tests", "dashboard-browser"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["LOGIN_URL"] = fixture.Dashboard.LoginUrl.ToString();
        info.Environment["TRACE_ID"] = traceId;
        info.Environment["SCREENSHOT"] = screenshot;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + errors);
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.True(result.RootElement.GetProperty("loggedIn").GetBoolean());
        var resources = result.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "postgres", "registry-db", "agreements-db", "cache", "eventbus", "identity", "registry", "agreements", "gateway" }, resources);
        var spanResources = result.RootElement.GetProperty("spanResources").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("gateway", spanResources);
        Assert.Contains("registry", spanResources);
        var spanNames = result.RootElement.GetProperty("spanNames").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(spanNames, n => n.StartsWith("outbox publish", StringComparison.Ordinal));
        Assert.True(new FileInfo($"{screenshot}-trace.png").Length > 10_000, "a screenshot of the trace was taken");
    }
}
