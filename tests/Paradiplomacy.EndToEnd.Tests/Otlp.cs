using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Reads OTLP JSON as the Aspire dashboard's telemetry API returns it.</summary>
public static class Otlp
{
    /// <summary>The spans of a trace as the dashboard has them, once it has the whole trace: each
    /// service exports in its own batches, so this waits (at most a minute) until a write's spans from
    /// the gateway, the service's database and the outbox relay have all arrived.</summary>
    public static async Task<List<(string Service, string Name)>> WholeTraceAsync(HttpClient dashboard, string traceId, string service)
    {
        List<(string Service, string Name)> spans = [];
        bool Complete() => spans.Any(s => s.Name.StartsWith("outbox publish", StringComparison.Ordinal))
            && spans.Any(s => s.Service == "gateway") && spans.Any(s => s.Service == service && s.Name == "postgresql");
        for (var i = 0; i < 300 && !Complete(); i++)
        {
            await Task.Delay(200);
            using var answer = await dashboard.GetAsync($"/api/telemetry/spans?traceId={traceId}");
            if (answer.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                spans = Items(json.RootElement, "resourceSpans", "scopeSpans", "spans").Select(s => (s.Service, s.Item.GetProperty("name").GetString()!)).ToList();
            }
        }
        return spans;
    }

    /// <summary>Every item at data.{resources}[].{scopes}[].{items}[], with its resource's service.name.</summary>
    public static IEnumerable<(string Service, JsonElement Item)> Items(JsonElement response, string resources, string scopes, string items)
    {
        var data = response.TryGetProperty("data", out var d) ? d : response;
        if (!data.TryGetProperty(resources, out var resourceArray))
        {
            yield break;
        }
        foreach (var resource in resourceArray.EnumerateArray())
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
                .FirstOrDefault() ?? string.Empty;
            foreach (var scope in resource.GetProperty(scopes).EnumerateArray())
            {
                foreach (var item in scope.GetProperty(items).EnumerateArray())
                {
                    yield return (service, item);
                }
            }
        }
    }
}
