using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Paradiplomacy.Gateway.Extensions;

/// <summary>The gateway is healthy only when every service it routes to says so.</summary>
public sealed class DestinationsHealthCheck(IHttpClientFactory clients, IConfiguration configuration) : IHealthCheck
{
    public const string ClientName = "destination-health";
    public const string Name = "destinations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = clients.CreateClient(ClientName);
        var urls = ProxyConfiguration.HealthUrls(configuration);
        var results = await Task.WhenAll(urls.Select(async url =>
        {
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                return (url, ok: response.IsSuccessStatusCode, detail: ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (url, ok: false, detail: ex.Message);
            }
        }));
        var failing = results.Where(r => !r.ok).Select(r => $"{r.url}: {r.detail}").ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{results.Length} destinations healthy")
            : HealthCheckResult.Unhealthy($"unhealthy destinations: {string.Join("; ", failing)}");
    }
}
