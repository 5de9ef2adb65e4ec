using System.Diagnostics;

namespace Paradiplomacy.Gateway.Security;

/// <summary>One line per request: caller (user or key id, never a token or key), method, path,
/// status and duration, with the trace id to find it in the traces.</summary>
public sealed class AccessLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("Paradiplomacy.Gateway.Access");

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var caller = context.Items.TryGetValue(AdmissionMiddleware.CallerItem, out var c) ? c : context.User.FindFirst("sub")?.Value ?? "anonymous";
            _log.LogInformation("{Caller} {Method} {Path} {Status} {DurationMs:0.0} ms trace {TraceId}",
                caller, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, Activity.Current?.TraceId.ToString());
        }
    }
}
