using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>An operator follows one request from the gateway to the event it caused, on the dashboard.</summary>
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

        using var dashboard = new HttpClient { BaseAddress = new Uri(fixture.App.DashboardUrl) };
        List<JsonElement> spans = [];
        for (var i = 0; i < 100 && !spans.Any(s => s.GetProperty("kind").GetString() == "Producer" && s.GetProperty("name").GetString()!.Contains("send", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(200);
            using var answer = await dashboard.GetAsync($"/api/traces/{traceId}");
            if (answer.IsSuccessStatusCode)
            {
                spans = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(s => s.Clone()).ToList();
            }
        }

        var services = spans.Select(s => s.GetProperty("service").GetString()).ToHashSet();
        Assert.Contains("gateway", services);
        Assert.Contains("registry", services);
        Assert.Contains(spans, s => s.GetProperty("name").GetString()!.StartsWith("outbox publish", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.GetProperty("service").GetString() == "registry" && s.GetProperty("name").GetString() == "postgresql");
        Assert.All(spans, s => Assert.Equal(traceId, s.GetProperty("traceId").GetString()));

        using var listed = JsonDocument.Parse(await dashboard.GetStringAsync("/api/traces?service=gateway&limit=200"));
        Assert.Contains(listed.RootElement.EnumerateArray(), t => t.GetProperty("traceId").GetString() == traceId);
        // The gateway's access line is written as the response ends and exported in the next batch.
        var accessLogged = false;
        for (var i = 0; i < 100 && !accessLogged; i++)
        {
            using var logs = JsonDocument.Parse(await dashboard.GetStringAsync($"/api/structured-logs?traceId={traceId}&service=gateway"));
            accessLogged = logs.RootElement.EnumerateArray().Any(l =>
                l.GetProperty("message").GetString()!.Contains("PATCH /api/v1/cities/idn-35.73 200", StringComparison.Ordinal));
            if (!accessLogged)
            {
                await Task.Delay(200);
            }
        }
        Assert.True(accessLogged, "the gateway's access log line carries the trace id");
    }
}
