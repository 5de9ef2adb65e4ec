using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Reads OTLP JSON as the Aspire dashboard's telemetry API returns it.</summary>
public static class Otlp
{
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
