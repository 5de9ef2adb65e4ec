using Paradiplomacy.Hosting.Operations;

namespace Paradiplomacy.Bench;

/// <summary>Tokens from the system's development identity provider, as a sign-in gets one: writes need a region's
/// officer (operators run the platform and change no region's records).</summary>
public static class IdentityTokens
{
    public static async Task<string> RequestAsync(SystemResources resources, string role, string region)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{resources.Endpoint("identity", "http").TrimEnd('/')}/connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = role, ["region"] = region }));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
