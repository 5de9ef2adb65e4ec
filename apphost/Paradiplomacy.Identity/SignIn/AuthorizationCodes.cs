using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Paradiplomacy.Identity.SignIn;

/// <summary>Codes handed to a client after sign-in: random, single use, valid two minutes, redeemable only
/// by the client and redirect URI they were issued for, with the PKCE verifier of the challenge.</summary>
public sealed class AuthorizationCodes(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Issued> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationRequest request, IReadOnlyList<Claim> claims)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _codes.Where(c => c.Value.Expires < now).Select(c => c.Key).ToList())
        {
            _codes.TryRemove(stale, out _);
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Issued(request, claims, now + Lifetime);
        return code;
    }

    /// <summary>The claims and request behind a code, or the OAuth error that refuses it. A code is spent by its
    /// first redemption, right or wrong.</summary>
    public (AuthorizationRequest? Request, IReadOnlyList<Claim>? Claims, string? Error) Redeem(string? code, string? clientId, string? redirectUri, string? verifier)
    {
        if (string.IsNullOrEmpty(code) || !_codes.TryRemove(code, out var issued) || issued.Expires < clock.GetUtcNow())
        {
            return (null, null, "The code is unknown, used or expired.");
        }
        if (issued.Request.ClientId != clientId || issued.Request.RedirectUri.ToString() != redirectUri)
        {
            return (null, null, "The code was issued to another client or redirect_uri.");
        }
        if (string.IsNullOrEmpty(verifier) || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Request.CodeChallenge)
        {
            return (null, null, "code_verifier does not match the code_challenge.");
        }
        return (issued.Request, issued.Claims, null);
    }

    private sealed record Issued(AuthorizationRequest Request, IReadOnlyList<Claim> Claims, DateTimeOffset Expires);
}
