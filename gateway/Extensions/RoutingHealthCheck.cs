using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Paradiplomacy.Gateway.Extensions;

/// <summary>Where this gateway sends each service's calls now: every destination (a replica, or the service's
/// discovery address) with its active and passive health, so an operator sees in /health and /ready which
/// replicas are in rotation. Degraded when a service has no destination that is not known to be unhealthy
/// (its calls then go to all of them, in panic).</summary>
public sealed class RoutingHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public const string Name = "routing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var withoutHealthy = new List<string>();
        foreach (var cluster in proxy.GetClusters().OrderBy(c => c.ClusterId, StringComparer.Ordinal))
        {
            var destinations = cluster.Destinations.Values.OrderBy(d => d.DestinationId, StringComparer.Ordinal).ToList();
            data[cluster.ClusterId] = destinations.Select(d => $"{d.Model.Config.Address} active={d.Health.Active} passive={d.Health.Passive}").ToArray();
            if (!destinations.Any(d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy))
            {
                withoutHealthy.Add(cluster.ClusterId);
            }
        }
        return Task.FromResult(withoutHealthy.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} clusters routed", data)
            : HealthCheckResult.Degraded($"no healthy destination for {string.Join(", ", withoutHealthy)}", data: data));
    }
}
