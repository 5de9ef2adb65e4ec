using System.Net;

namespace Paradiplomacy.Identity.SignIn;

/// <summary>A client's request to sign someone in (OIDC authorization code flow with PKCE), as read from the
/// authorize endpoint's query or from the sign-in form that carries it on.</summary>
public sealed record AuthorizationRequest(string ClientId, Uri RedirectUri, string? State, string? Nonce, string CodeChallenge)
{
    public static readonly string[] Fields = ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method"];

    /// <summary>The request, or why it cannot be served. A redirect URI is only accepted on loopback or when
    /// configured (Identity:RedirectUris): this provider signs anyone in, so it must never hand a code elsewhere.</summary>
    public static (AuthorizationRequest? Request, string? Error) Read(Func<string, string?> value, IReadOnlyCollection<string> allowedRedirectUris)
    {
        var clientId = value("client_id");
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return (null, "client_id is required.");
        }
        if (!Uri.TryCreate(value("redirect_uri"), UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https"))
        {
            return (null, "redirect_uri must be an absolute http(s) URL.");
        }
        var loopback = redirect.IsLoopback || (IPAddress.TryParse(redirect.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback && !allowedRedirectUris.Contains(redirect.GetLeftPart(UriPartial.Path), StringComparer.Ordinal))
        {
            return (null, $"redirect_uri {redirect.GetLeftPart(UriPartial.Path)} is neither on loopback nor in Identity:RedirectUris.");
        }
        if (value("response_type") != "code")
        {
            return (null, "Only response_type=code is supported.");
        }
        if (!(value("scope") ?? string.Empty).Split(' ').Contains("openid"))
        {
            return (null, "scope must include openid.");
        }
        var challenge = value("code_challenge");
        if (string.IsNullOrEmpty(challenge) || value("code_challenge_method") != "S256")
        {
            return (null, "PKCE is required: code_challenge with code_challenge_method=S256.");
        }
        return (new AuthorizationRequest(clientId, redirect, value("state"), value("nonce"), challenge), null);
    }

    /// <summary>The request's own fields, for the sign-in form to send back.</summary>
    public IEnumerable<(string Name, string Value)> Echo(Func<string, string?> value) =>
        Fields.Select(f => (f, value(f) ?? string.Empty));

    public Uri RedirectWith(params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));
        var separator = string.IsNullOrEmpty(RedirectUri.Query) ? '?' : '&';
        return new Uri($"{RedirectUri}{separator}{query}");
    }
}
