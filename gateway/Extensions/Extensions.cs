using Grpc.Reflection;
using Yarp.ReverseProxy.ServiceDiscovery;
using Microsoft.AspNetCore.Authentication;
using Paradiplomacy.Gateway.Security;
using Paradiplomacy.HostDefaults;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Extensions;

public static class Extensions
{
    public const string CallerScheme = "Caller";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var contracts = GatewayContracts.From(builder.Configuration);
        builder.Services.AddSingleton(contracts);
        var grpcPort = GrpcPort(builder.Configuration);
        var (routes, clusters) = ProxyConfiguration.Build(builder.Configuration, grpcPort, EndpointPort(builder.Configuration, "http", 8080));
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddServiceDiscoveryDestinationResolver();
        // Each replica a destination of its own, from the replica directory; service discovery where none announced itself.
        var discovery = builder.Services.Last(d => d.ServiceType == typeof(IDestinationResolver));
        builder.Services.Remove(discovery);
        builder.Services.AddSingleton<IDestinationResolver>(services => ActivatorUtilities.CreateInstance<ReplicaDestinationResolver>(services,
            (IDestinationResolver)ActivatorUtilities.CreateInstance(services, discovery.ImplementationType!)));
        // Health probes of destinations must not retry for long: /health answers within seconds.
        builder.Services.AddHttpClient(DestinationsHealthCheck.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHealthChecks().AddCheck<DestinationsHealthCheck>(DestinationsHealthCheck.Name)
            .AddCheck<RoutingHealthCheck>(RoutingHealthCheck.Name);

        // Exported, the access log reaches the dashboard's structured logs beside its trace; written to
        // the console as well, it cost a tenth of the gateway's CPU per call (profiled), so there only
        // when nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(AccessLogMiddleware.Category, LogLevel.Warning);
        }

        // Callers: users by bearer token (the OIDC authority), partner systems by X-Api-Key.
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "bearer token or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : "Bearer")
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.AddRedis();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<GatewayTokenIssuer>();
        builder.Services.AddSingleton<SharedRateLimiter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SharedRateLimiter>());
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection("Gateway:RateLimits"));

        builder.Services.AddOutputCache(o => o.AddPolicy(ProxyConfiguration.PublicReadPolicy, p => p.Expire(TimeSpan.FromSeconds(10)).SetVaryByQuery("*")));
        builder.Services.AddRequestTimeouts();
        // What one client may hold of the gateway, whoever it is: routes set their own lower body limits and
        // nothing larger than 16 MiB is read at all (413); headers are bounded in size (431) and in time, so
        // a client trickling them (slow-loris) is cut off after 10 s, and a body must keep arriving.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            k.Limits.MinRequestBodyDataRate = new(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(5));
        });

        // Server reflection answered by the gateway itself, over every service's contract, so tools
        // see one API however many services stand behind it.
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ReflectionServiceImpl(contracts.Services));
        return builder;
    }

    /// <summary>The port of the Kestrel endpoint named "grpc" (HTTP/2), which gRPC routes are bound to.</summary>
    private static int GrpcPort(IConfiguration configuration) => EndpointPort(configuration, "grpc", 8081);

    private static int EndpointPort(IConfiguration configuration, string endpoint, int fallback)
    {
        var url = configuration[$"Kestrel:Endpoints:{endpoint}:Url"] ?? $"http://127.0.0.1:{fallback}";
        return new Uri(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)).Port;
    }
}
