using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Paradiplomacy.Gateway.Extensions;
using Paradiplomacy.HostDefaults;

namespace Paradiplomacy.Gateway.Security;

/// <summary>One line per request: caller (user or key id, never a token or key), method, path,
/// status (the gRPC status too, which HTTP's 200 hides) and duration, with the trace id to find it
/// in the traces; and the same call counted in the request metrics the dashboard charts.</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, ILoggerFactory loggers, GatewayContracts contracts)
{
    // Known gRPC methods by path: anything else is counted as one "other", so a caller inventing
    // paths cannot multiply the metric's series.
    private readonly Dictionary<string, string> _grpcMethods = contracts.Services
        .Append(Grpc.Reflection.V1Alpha.ServerReflection.Descriptor)
        .SelectMany(s => s.Methods)
        .Select(m => $"/{m.Service.FullName}/{m.Name}")
        .ToDictionary(p => p, RequestMetrics.MethodName, StringComparer.Ordinal);

    private readonly List<(string Verb, System.Text.RegularExpressions.Regex Path, string Name)> _restMethods =
        Docs.HttpBinding.Of(contracts.Services)
            .Select(b => (b.Verb, b.PathPattern, RequestMetrics.MethodName($"/{b.Method.Service.FullName}/{b.Method.Name}")))
            .ToList();

    public const string Category = "Paradiplomacy.Gateway.Access";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var caller = context.Items.TryGetValue(AdmissionMiddleware.CallerItem, out var c) ? c : context.User.FindFirst("sub")?.Value ?? "anonymous";
            var grpcStatus = GrpcStatus(context);
            _log.LogInformation("{Caller} {Method} {Path} {Status}{GrpcStatus} {DurationMs:0.0} ms trace {TraceId}",
                caller, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                grpcStatus is { } g ? $" grpc {g}" : string.Empty, elapsed.TotalMilliseconds, Activity.Current?.TraceId.ToString());
            Record(context, grpcStatus, elapsed);
        }
    }

    private void Record(HttpContext context, StatusCode? grpcStatus, TimeSpan elapsed)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/health", StringComparison.Ordinal) || path.StartsWith("/alive", StringComparison.Ordinal) || path.StartsWith("/ready", StringComparison.Ordinal))
        {
            return;
        }
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            var code = grpcStatus ?? (context.Response.StatusCode == 200 ? StatusCode.OK : StatusCode.Unavailable);
            RequestMetrics.Record(_grpcMethods.GetValueOrDefault(path, "other gRPC"), code.ToString(), RequestMetrics.Outcome(code), elapsed);
            return;
        }
        // REST by the contract method it reaches, as the services count it; else by route template,
        // never by raw path: ids in paths would make a series per record.
        var name = _restMethods.FirstOrDefault(m => string.Equals(m.Verb, context.Request.Method, StringComparison.OrdinalIgnoreCase) && m.Path.IsMatch(path)).Name
            ?? $"{context.Request.Method} {(context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched"}";
        RequestMetrics.Record(name, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RequestMetrics.Outcome(context.Response.StatusCode), elapsed);
    }

    /// <summary>The status in the trailers, or in the headers of a trailers-only answer.</summary>
    private static StatusCode? GrpcStatus(HttpContext context)
    {
        var value = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            value = context.Response.Headers["grpc-status"].ToString();
        }
        return int.TryParse(value, out var code) ? (StatusCode)code : null;
    }
}
