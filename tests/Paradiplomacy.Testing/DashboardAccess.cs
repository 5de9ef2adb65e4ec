namespace Paradiplomacy.Testing;

/// <summary>The Aspire dashboard of a test's AppHost: where it is and how to get in, read from the
/// dashboard resource's own environment (the test host randomizes ports and makes up the token).</summary>
public sealed class DashboardAccess(Uri url, string browserToken, string apiKey)
{
    public Uri Url { get; } = url;

    public string BrowserToken { get; } = browserToken;

    public string ApiKey { get; } = apiKey;

    public Uri LoginUrl => new(Url, $"/login?t={BrowserToken}");

    /// <summary>An HTTP client for the dashboard's telemetry API (/api/telemetry/traces, spans, logs).</summary>
    public HttpClient TelemetryApi()
    {
        var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }
}
