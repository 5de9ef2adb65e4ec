using Paradiplomacy.ServiceDefaults.Security;
using Yarp.ReverseProxy.Model;

namespace Paradiplomacy.Gateway.Security;

/// <summary>What the gateway decides before a call reaches a service: reads are open (public open
/// data), writes need a signed-in user or a key with that service's write scope; an API key
/// caller's identity travels on as a gateway-signed token.</summary>
public sealed class GatewayAccessMiddleware(RequestDelegate next, GatewayTokenIssuer issuer)
{
    private static readonly string[] ReadVerbs = ["Get", "List", "Count", "Suggest", "Download", "Search", "ServerReflectionInfo"];

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        var service = route.ClusterId![..route.ClusterId!.LastIndexOf('-')];
        var write = IsWrite(context);
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;

        if (write && !authenticated)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, Grpc.Core.StatusCode.Unauthenticated,
                "Changes need a bearer token or an API key (X-Api-Key).");
            return;
        }
        var isKey = user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName;
        if (isKey && !user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, $"{service}:write")
                  && (write || !user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, $"{service}:read")))
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, Grpc.Core.StatusCode.PermissionDenied,
                $"This API key has no {service}:{(write ? "write" : "read")} scope.");
            return;
        }

        if (isKey)
        {
            context.Request.Headers.Authorization = $"Bearer {await issuer.TokenForAsync(user)}";
            context.Request.Headers.Remove(ApiKeyAuthenticationHandler.HeaderName);
        }
        await next(context);
    }

    /// <summary>REST: anything but GET and HEAD. gRPC: methods not named as reads (Get, List, ...).</summary>
    private static bool IsWrite(HttpContext context)
    {
        if (!GatewayErrors.IsGrpc(context))
        {
            return !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        }
        var method = context.Request.Path.Value![(context.Request.Path.Value!.LastIndexOf('/') + 1)..];
        return !ReadVerbs.Any(v => method.StartsWith(v, StringComparison.Ordinal));
    }
}
