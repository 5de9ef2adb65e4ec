using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>An operator follows one request from the gateway to the event it caused, on the Aspire dashboard.</summary>
[Collection(SystemCollection.Name)]
public class TraceTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_request_with_a_traceparent_keeps_its_trace_id_from_the_gateway_through_the_service_to_the_bus()
    {
        var (traceId, traceParent) = W3CTrace.NewSampled();
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
        {
            Content = JsonContent.Create(new { profile = new { summary = $"traced {traceId[..8]}" }, updateMask = "summary" }),
        };
        request.Headers.Add("traceparent", traceParent);
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.73"));
        using var response = await fixture.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The Aspire dashboard's telemetry API: what its Traces and Structured logs pages show.
        using var dashboard = fixture.Dashboard.TelemetryApi();
        var spans = await Otlp.WholeTraceAsync(dashboard, traceId, "registry");

        var services = spans.Select(s => s.Service).ToHashSet();
        Assert.Contains("gateway", services);
        Assert.Contains("registry", services);
        Assert.Contains(spans, s => s.Name.StartsWith("outbox publish", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Service == "registry" && s.Name == "postgresql");

        // The gateway's access line is written as the response ends and exported in the next batch.
        var accessLogged = false;
        for (var i = 0; i < 100 && !accessLogged; i++)
        {
            using var logs = JsonDocument.Parse(await dashboard.GetStringAsync($"/api/telemetry/logs?resource=gateway&traceId={traceId}"));
            accessLogged = Otlp.Items(logs.RootElement, "resourceLogs", "scopeLogs", "logRecords")
                .Any(l => l.Item.GetRawText().Contains("PATCH /api/v1/cities/idn-35.73 200", StringComparison.Ordinal));
            if (!accessLogged)
            {
                await Task.Delay(200);
            }
        }
        Assert.True(accessLogged, "the gateway's access log line carries the trace id");
    }
}
