using System.Security.Claims;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Security;

/// <summary>The gateway's rules, apart from HTTP so they can be read and tested on their own.</summary>
public static class AccessRules
{
    private static readonly string[] ReadVerbs = ["Get", "List", "Count", "Suggest", "Download", "Search", "ServerReflectionInfo"];

    /// <summary>REST: anything but GET and HEAD. gRPC: methods not named as reads (Get, List, ...).</summary>
    public static bool IsWrite(string httpMethod, string path, bool grpc)
    {
        if (!grpc)
        {
            return !HttpMethods.IsGet(httpMethod) && !HttpMethods.IsHead(httpMethod);
        }
        return !IsReadMethod(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>A gRPC method that only reads, by the verb its name starts with (GetCity, ListAgreements...).</summary>
    public static bool IsReadMethod(string method) => ReadVerbs.Any(v => method.StartsWith(v, StringComparison.Ordinal));

    /// <summary>Why a caller may not make this call through the gateway, or null when it may.
    /// Services then check the caller's region and role themselves.</summary>
    public static string? Refusal(ClaimsPrincipal user, string service, bool write)
    {
        var authenticated = user.Identity?.IsAuthenticated == true;
        if (write && !authenticated)
        {
            return "Changes need a bearer token or an API key (X-Api-Key).";
        }
        var isKey = user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName;
        if (isKey && !user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, $"{service}:write")
                  && (write || !user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, $"{service}:read")))
        {
            return $"This API key has no {service}:{(write ? "write" : "read")} scope.";
        }
        return null;
    }

    /// <summary>Requests per minute for a caller: a key's own quota, the most generous of a user's
    /// roles (0, unthrottled, wins), or the anonymous rate.</summary>
    public static int LimitFor(ClaimsPrincipal user, RateLimitOptions options)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return options.Anonymous;
        }
        if (user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName && int.TryParse(user.FindFirst("rpm")?.Value, out var quota))
        {
            return quota;
        }
        var perRole = user.FindAll(ClaimNames.Role).Select(r => options.PerRole.GetValueOrDefault(r.Value, options.Anonymous)).ToList();
        return perRole.Count == 0 ? options.Anonymous : perRole.Contains(0) ? 0 : perRole.Max();
    }
}
