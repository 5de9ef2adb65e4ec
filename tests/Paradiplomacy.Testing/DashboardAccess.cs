using System.Globalization;

namespace Paradiplomacy.Testing;

/// <summary>The Aspire dashboard of a test's AppHost: on free loopback ports, with a login token and
/// a telemetry API key the test knows (the AppHost would otherwise make them up).</summary>
public sealed class DashboardAccess(int port, int otlpPort, int resourceServicePort)
{
    public string BrowserToken { get; } = Guid.NewGuid().ToString("N");

    public string ApiKey { get; } = Guid.NewGuid().ToString("N");

    public Uri Url { get; } = new($"http://127.0.0.1:{port}");

    public Uri LoginUrl => new(Url, $"/login?t={BrowserToken}");

    /// <summary>An HTTP client for the dashboard's telemetry API (/api/telemetry/traces, spans, logs).</summary>
    public HttpClient TelemetryApi()
    {
        var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    internal string[] Arguments =>
    [
        $"--ASPNETCORE_URLS={Url.ToString().TrimEnd('/')}",
        $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{otlpPort.ToString(CultureInfo.InvariantCulture)}",
        $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{resourceServicePort.ToString(CultureInfo.InvariantCulture)}",
        "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
        $"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={BrowserToken}",
        $"--AppHost:DashboardApiKey={ApiKey}",
    ];
}
