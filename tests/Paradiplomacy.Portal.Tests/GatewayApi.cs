using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.Portal.Tests;

/// <summary>What a test writes through the gateway's REST API before a person looks at it in the portal.</summary>
public sealed class GatewayApi(Uri gateway) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = gateway };

    /// <summary>Sends one call; while a service has not yet heard (by event) of an agreement just in effect, tries again.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, object body)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            var notYetHeard = text.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal) || text.Contains("is not known", StringComparison.Ordinal);
            Assert.True(attempt < 150 && notYetHeard, $"{method} {path}: {(int)response.StatusCode} {text}");
            await Task.Delay(200);
        }
    }

    public static object Day(DateTime day) => new { year = day.Year, month = day.Month, day = day.Day };

    public void Dispose() => http.Dispose();
}
