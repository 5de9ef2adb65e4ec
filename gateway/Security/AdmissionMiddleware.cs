using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Security;

/// <summary>Admits API calls before anything else answers, cached responses included: credentials
/// that were offered but not accepted (a revoked key, an expired token) are refused outright, and
/// every caller is held to its rate: per API key (its quota), per user (by role) or per anonymous
/// client address.</summary>
public sealed class AdmissionMiddleware(RequestDelegate next, SharedRateLimiter limiter, IOptionsMonitor<RateLimitOptions> limits)
{
    public const string CallerItem = "paradiplomacy.caller";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !GatewayErrors.IsGrpc(context))
        {
            await next(context);
            return;
        }
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        // Credentials offered but not accepted: the authentication middleware leaves such a caller
        // anonymous, so ask again to learn why, and refuse rather than serve it as the public.
        var offered = context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || context.Request.Headers.Authorization.Count > 0;
        var failure = !authenticated && offered ? (await context.AuthenticateAsync()).Failure : null;
        if (failure is not null)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, Grpc.Core.StatusCode.Unauthenticated,
                $"The credentials were not accepted: {failure.Message}");
            return;
        }
        var caller = authenticated ? user.FindFirst(ClaimNames.Subject)?.Value ?? "unknown" : $"anonymous@{limits.CurrentValue.ClientAddress(context)}";
        context.Items[CallerItem] = caller;
        var wait = limiter.Check(caller, AccessRules.LimitFor(user, limits.CurrentValue));
        if (wait is not null)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, Grpc.Core.StatusCode.ResourceExhausted,
                "Rate limit reached; retry after the time in Retry-After.", wait);
            return;
        }
        await next(context);
    }
}
