using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Paradiplomacy.Gateway.Security;

/// <summary>YARP answers a failed forward with a bare status and an empty body. The caller gets, in its own
/// protocol, what happened: the service behind the route could not be reached or dropped the call (crashed,
/// restarting, stopped: UNAVAILABLE, and a retry is safe for a create with the same request_id), or the
/// request's body was over the route's limit (413, RESOURCE_EXHAUSTED), read no further.</summary>
public sealed class ForwardingErrorMiddleware(RequestDelegate next, ILogger<ForwardingErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }
        // Clusters are named "{service}-http" and "{service}-grpc".
        var cluster = context.Features.Get<IReverseProxyFeature>()?.Route.Config.ClusterId ?? "the service";
        var service = cluster.LastIndexOf('-') is > 0 and var dash ? cluster[..dash] : cluster;
        switch (error.Error)
        {
            case ForwarderError.Request or ForwarderError.RequestBodyDestination or ForwarderError.ResponseHeaders or ForwarderError.NoAvailableDestinations:
                logger.LogWarning(error.Exception, "{Service} could not answer {Method} {Path}: {Error}", service, context.Request.Method, context.Request.Path, error.Error);
                context.Response.Clear();
                await GatewayErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Grpc.Core.StatusCode.Unavailable,
                    $"{service} is unavailable just now (it may be restarting); retry shortly. A create repeated with the same request_id is applied once.",
                    TimeSpan.FromSeconds(1));
                break;
            case ForwarderError.RequestBodyClient when IsTooLarge(error.Exception):
                context.Response.Clear();
                await GatewayErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, Grpc.Core.StatusCode.ResourceExhausted,
                    $"The request body is larger than {service} accepts ({context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize:N0} bytes).");
                break;
        }
    }

    private static bool IsTooLarge(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }
}
