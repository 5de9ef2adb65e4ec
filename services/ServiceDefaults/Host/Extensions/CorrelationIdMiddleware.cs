using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.HostDefaults;

/// <summary>Carries X-Correlation-Id (set by the gateway, else the trace id) into every log line of
/// the request and back on the response, so an operator can follow one call across processes.</summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
        {
            id = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        }
        // Set on the request too, so a proxy forwards the same id to the service behind it; set on the
        // response as it starts, so the proxy's value replaces the copy the service sent back.
        context.Request.Headers[HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
