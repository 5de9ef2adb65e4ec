using Microsoft.AspNetCore.Http;

namespace Paradiplomacy.HostDefaults;

/// <summary>grpc-dotnet parses a request message before any interceptor runs, and answers one it cannot parse
/// (random bytes, a truncated or mistyped message) with UNKNOWN "Exception was thrown by handler.". Every error
/// thrown inside a handler is given a definite status by the services' interceptor, so that answer can only
/// mean an unreadable request: it becomes INVALID_ARGUMENT, as any other bad input is.</summary>
public sealed class UnreadableGrpcRequestMiddleware(RequestDelegate next)
{
    private const string UnparsedRequest = "Exception was thrown by handler.";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // Such an answer is trailers-only: its status is in the headers, which can still be changed here.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                if (headers["grpc-status"] == "2" && headers["grpc-message"] == UnparsedRequest)
                {
                    headers["grpc-status"] = "3";
                    headers["grpc-message"] = Uri.EscapeDataString("The request could not be read as this method's protobuf message.");
                }
                return Task.CompletedTask;
            }, context.Response);
        }
        return next(context);
    }
}
