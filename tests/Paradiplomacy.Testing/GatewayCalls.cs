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

    /// <summary>Registers an agreement signed before the platform as <paramref name="token"/> (in effect at once); its id.</summary>
    public static async Task<string> RegisterExistingAsync(this HttpClient gateway, string token, ExistingAgreement agreement, string? requestId = null)
    {
        var (status, body) = await gateway.CallAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", token, agreement.RequestBody(requestId));
        if (status != 200)
        {
            throw new InvalidOperationException($"registerExisting {agreement.Title}: {status} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Ids of cities abroad (Japan's, then the United States', then China's), to be the foreign parties of
    /// test agreements: a region has one agreement of a kind with each. Read as an operator, whom no quota limits.</summary>
    public static async Task<IReadOnlyList<string>> ForeignCitiesAsync(this HttpClient gateway, string operatorToken, int count)
    {
        var ids = new List<string>();
        foreach (var country in new[] { "JP", "US", "CN" })
        {
            var (status, body) = await gateway.CallAsync(HttpMethod.Get, $"/api/v1/cities?filter=country%20%3D%20%22{country}%22&page_size=100", operatorToken);
            if (status != 200)
            {
                throw new InvalidOperationException($"cities of {country}: {status} {body}");
            }
            using var page = JsonDocument.Parse(body);
            ids.AddRange(page.RootElement.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        return ids.Count >= count ? ids.Take(count).ToList() : throw new InvalidOperationException($"only {ids.Count} foreign cities are loaded");
    }
}
