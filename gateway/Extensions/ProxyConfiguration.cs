using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Paradiplomacy.Gateway.Extensions;

/// <summary>Builds YARP routes and clusters from Gateway:Services. Destinations are service-discovery
/// names (http://registry, http://_grpc.registry) that the resolver turns into the addresses the AppHost
/// (or the platform) injects as services:{name}:{http|grpc}:{i}.</summary>
public static class ProxyConfiguration
{
    /// <summary>Anonymous reads (the public directory of regions and partnerships) are cached briefly.</summary>
    public const string PublicReadPolicy = "public-read";

    /// <summary>The web portal's cluster: every path of the REST port that no API route claims.</summary>
    public const string PortalCluster = "portal-http";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IConfiguration configuration, int grpcPort, int httpPort)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var services = configuration.GetSection("Gateway:Services").GetChildren();
        foreach (var section in services)
        {
            var name = section.Key;
            var options = section.Get<GatewayServiceOptions>() ?? new GatewayServiceOptions();
            var http = Destinations(name, "http");
            var grpc = Destinations(name, "grpc");
            clusters.Add(new ClusterConfig
            {
                ClusterId = $"{name}-http",
                LoadBalancingPolicy = "PowerOfTwoChoices",
                Destinations = http,
                HealthCheck = ReplicaHealth(),
                HttpRequest = new ForwarderRequestConfig { Version = new Version(1, 1), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = $"{name}-grpc",
                LoadBalancingPolicy = "PowerOfTwoChoices",
                Destinations = grpc,
                HealthCheck = ReplicaHealth(),
                // Cleartext HTTP/2 needs prior knowledge: no upgrade dance, exactly version 2.
                HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            });
            foreach (var prefix in options.RestPrefixes)
            {
                var id = $"{name}-rest-{routes.Count}";
                // The collection, its members, and custom methods on the collection (/api/v1/agreements:countActive).
                foreach (var (suffix, path) in new[] { ("", prefix), ("-sub", prefix + "/{**rest}"), ("-verb", prefix + ":{verb}") })
                {
                    routes.Add(new RouteConfig
                    {
                        RouteId = id + suffix,
                        ClusterId = $"{name}-http",
                        Match = new RouteMatch { Path = path },
                        MaxRequestBodySize = options.MaxRequestBodyBytes,
                        Timeout = options.Timeout,
                        OutputCachePolicy = PublicReadPolicy,
                    });
                }
            }
            var grpcHosts = new[] { $"*:{grpcPort}" };
            foreach (var grpcService in options.GrpcServices)
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{name}-grpc-{grpcService}",
                    ClusterId = $"{name}-grpc",
                    Match = new RouteMatch { Path = $"/{grpcService}/{{method}}", Hosts = grpcHosts },
                    MaxRequestBodySize = options.MaxRequestBodyBytes,
                    Timeout = options.Timeout,
                });
            }
        }
        AddPortal(configuration, routes, clusters, httpPort);
        return (routes, clusters);
    }

    /// <summary>The web portal (Gateway:Portal:Service) at "/" of the REST port, below every API route: its pages are
    /// the portal's own business (cookies, forms, its own 404), so no API rule, cache or JSON error applies to them.</summary>
    private static void AddPortal(IConfiguration configuration, List<RouteConfig> routes, List<ClusterConfig> clusters, int httpPort)
    {
        if (configuration["Gateway:Portal:Service"] is not { Length: > 0 } portal)
        {
            return;
        }
        clusters.Add(new ClusterConfig
        {
            ClusterId = PortalCluster,
            LoadBalancingPolicy = "PowerOfTwoChoices",
            Destinations = Destinations(portal, "http"),
            HealthCheck = ReplicaHealth(),
            HttpRequest = new ForwarderRequestConfig { Version = new Version(1, 1), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        });
        routes.Add(new RouteConfig
        {
            RouteId = "portal",
            ClusterId = PortalCluster,
            // After every API route; "/api/..." paths no service claims still get the gateway's JSON 404.
            Order = 1000,
            Match = new RouteMatch { Path = "/{**path}", Hosts = [$"*:{httpPort}"] },
            // Documents are uploaded through the portal's forms: the agreements route's limit, 12 MiB.
            MaxRequestBodySize = 12 * 1024 * 1024,
            Timeout = TimeSpan.FromSeconds(60),
        });
    }

    /// <summary>Each replica (ReplicaDestinationResolver) is probed on /health every 5 s and leaves the rotation after two
    /// failed probes, or at once when calls to it fail to connect; it comes back when its probes pass. With no replica
    /// healthy, calls still go to all of them (the service answers UNAVAILABLE itself) rather than a 503 from here.</summary>
    private static HealthCheckConfig ReplicaHealth() => new()
    {
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(3),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/health",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = TimeSpan.FromSeconds(10),
        },
    };

    public static IReadOnlyList<string> HealthUrls(IConfiguration configuration) =>
        configuration.GetSection("Gateway:Services").GetChildren().Select(s => $"{DiscoveryAddress(s.Key, "http")}/health").ToList();

    private static Dictionary<string, DestinationConfig> Destinations(string service, string endpoint) =>
        new() { [$"{service}-{endpoint}"] = new DestinationConfig { Address = DiscoveryAddress(service, endpoint) } };

    /// <summary>http://{service} for the default endpoint, http://_{endpoint}.{service} for a named one.</summary>
    private static string DiscoveryAddress(string service, string endpoint) =>
        endpoint == "http" ? $"http://{service}" : $"http://_{endpoint}.{service}";
}
