using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.Testing;

/// <summary>Calls through the gateway's REST port as a user would make them.</summary>
public static class GatewayCalls
{
    /// <summary>Sends as <paramref name="token"/> (none: anonymous); the status and the body, whatever they are.</summary>
    public static async Task<(int Status, string Body)> CallAsync(this HttpClient gateway, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        using var response = await gateway.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The registry's current partners of a city, read (as the public reads them) until they include
    /// <paramref name="expected"/> or a minute has passed: the registry hears of partnerships by event.</summary>
    public static async Task<IReadOnlySet<string>> CurrentPartnersAsync(this HttpClient gateway, string cityId, params IEnumerable<string> expected)
    {
        var wanted = expected.ToHashSet();
        var partners = new HashSet<string>();
        for (var i = 0; i < 120; i++)
        {
            using var city = JsonDocument.Parse(await gateway.GetStringAsync($"/api/v1/cities/{cityId}"));
            partners = city.RootElement.GetProperty("currentPartnerIds").EnumerateArray().Select(p => p.GetString()!).ToHashSet();
            if (wanted.IsSubsetOf(partners))
            {
                break;
            }
            await Task.Delay(500);
        }
        return partners;
    }
}
