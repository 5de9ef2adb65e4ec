using Yarp.ReverseProxy.Model;

namespace Paradiplomacy.Gateway.Security;

/// <summary>What the gateway decides before a call reaches a service: reads are open (public open
/// data), writes need a signed-in user or a key with that service's write scope; an API key
/// caller's identity travels on as a gateway-signed token.</summary>
public sealed class GatewayAccessMiddleware(RequestDelegate next, GatewayTokenIssuer issuer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (route.ClusterId == Extensions.ProxyConfiguration.PortalCluster)
        {
            // The portal's pages: it signs people in itself and calls the API back through this gateway with their token.
            await next(context);
            return;
        }
        var service = route.ClusterId![..route.ClusterId!.LastIndexOf('-')];
        var write = AccessRules.IsWrite(context.Request.Method, context.Request.Path.Value ?? "/", GatewayErrors.IsGrpc(context));
        var refusal = AccessRules.Refusal(context.User, service, write);
        if (refusal is not null)
        {
            var authenticated = context.User.Identity?.IsAuthenticated == true;
            await GatewayErrors.WriteAsync(context,
                authenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                authenticated ? Grpc.Core.StatusCode.PermissionDenied : Grpc.Core.StatusCode.Unauthenticated, refusal);
            return;
        }
        if (context.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            context.Request.Headers.Authorization = $"Bearer {await issuer.TokenForAsync(context.User)}";
            context.Request.Headers.Remove(ApiKeyAuthenticationHandler.HeaderName);
        }
        await next(context);
    }
}
