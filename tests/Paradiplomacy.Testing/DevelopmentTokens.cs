namespace Paradiplomacy.Testing;

/// <summary>Tokens from the development identity provider, as a user's sign-in would get them.</summary>
public static class DevelopmentTokens
{
    /// <summary>Asks <paramref name="identity"/> (a client on its base address) for a token of the role.</summary>
    public static string Request(HttpClient identity, string role, string? region = null, string? ministry = null, string? subject = null)
    {
        var form = new Dictionary<string, string> { ["role"] = role };
        if (subject is not null)
        {
            form["subject"] = subject;
        }
        if (region is not null)
        {
            form["region"] = region;
        }
        if (ministry is not null)
        {
            form["ministry"] = ministry;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        // Synchronous on purpose: tests build request headers inline.
        using var response = identity.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var body = reader.ReadToEnd();
        if (!response.IsSuccessStatusCode)
        {
            throw new ArgumentException($"The identity provider refused: {body}");
        }
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
