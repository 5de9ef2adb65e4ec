using System.Globalization;
using System.Text.Json;

namespace Paradiplomacy.Gateway.Security;

/// <summary>Refusals from the gateway itself, in the caller's protocol: JSON with an HTTP status for
/// REST, a trailers-only gRPC status for gRPC.</summary>
public static class GatewayErrors
{
    public static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static Task WriteAsync(HttpContext context, int httpStatus, Grpc.Core.StatusCode grpcStatus, string message, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        if (httpStatus == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
        }
        if (IsGrpc(context))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)grpcStatus).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { code = (int)grpcStatus, message }));
    }
}
