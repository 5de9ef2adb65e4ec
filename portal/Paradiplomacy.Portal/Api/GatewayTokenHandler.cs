using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Paradiplomacy.Portal.Api;

/// <summary>Puts the signed-in person's access token on every call to the gateway; the public's calls go
/// without one, and the API answers them with the public facts only.</summary>
public sealed class GatewayTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    /// <summary>A call that must be made as the public makes it (the map, shared by everyone): sent without a token
    /// whoever is signed in. The header itself never leaves the portal.</summary>
    public const string AnonymousHeader = "x-portal-anonymous";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var anonymous = request.Headers.Remove(AnonymousHeader);
        var context = http.HttpContext;
        if (!anonymous && context is { User.Identity.IsAuthenticated: true }
            && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (!anonymous && context?.Connection.RemoteIpAddress is { } visitor)
        {
            // The public's limit is per visitor: the gateway trusts this header from the portal only (TrustedForwarders).
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", visitor.ToString());
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
