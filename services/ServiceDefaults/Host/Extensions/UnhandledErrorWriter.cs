using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Paradiplomacy.HostDefaults;

/// <summary>The answer to an error nothing else handled: status 500 in the shape of google.rpc.Status,
/// naming the trace id an operator can look up, and nothing of the exception.</summary>
public static class UnhandledErrorWriter
{
    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            code = 13,
            message = $"An internal error occurred; quote trace id {traceId} to the operators.",
        }));
    }
}
