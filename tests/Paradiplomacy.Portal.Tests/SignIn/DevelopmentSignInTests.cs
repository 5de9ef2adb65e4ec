using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Paradiplomacy.Identity;
using Paradiplomacy.Identity.SignIn;

namespace Paradiplomacy.Portal.Tests.SignIn;

/// <summary>The development identity provider's authorization code flow: it signs anyone in, so what it must never do
/// is hand a code to another address or honour a code twice or without its PKCE verifier.</summary>
public class DevelopmentSignInTests
{
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static readonly string Challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private static Func<string, string?> Query(string redirect, string? challenge = null, string method = "S256", string scope = "openid profile") => name => name switch
    {
        "client_id" => "portal",
        "redirect_uri" => redirect,
        "response_type" => "code",
        "scope" => scope,
        "state" => "s1",
        "nonce" => "n1",
        "code_challenge" => challenge ?? Challenge,
        "code_challenge_method" => method,
        _ => null,
    };

    [Theory]
    [InlineData("https://evil.example/signin-oidc", "S256", "openid", "neither on loopback nor in Identity:RedirectUris")]
    [InlineData("http://127.0.0.1:8080/signin-oidc", "plain", "openid", "PKCE is required")]
    [InlineData("http://127.0.0.1:8080/signin-oidc", "S256", "profile", "openid")]
    public void A_request_it_must_not_serve_is_refused_with_the_reason(string redirect, string method, string scope, string reason)
    {
        var (request, error) = AuthorizationRequest.Read(Query(redirect, method: method, scope: scope), []);
        Assert.Null(request);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_redirect_outside_loopback_is_served()
    {
        var (request, _) = AuthorizationRequest.Read(Query("https://paradiplomacy.example/signin-oidc"), ["https://paradiplomacy.example/signin-oidc"]);
        Assert.Equal("s1", request!.State);
        Assert.Equal("https://paradiplomacy.example/signin-oidc?code=abc&state=s1", request.RedirectWith(("code", "abc"), ("state", "s1")).ToString());
    }

    [Fact]
    public void A_code_is_redeemed_once_by_its_client_and_redirect_with_the_verifier_of_its_challenge()
    {
        var codes = new AuthorizationCodes(TimeProvider.System);
        var (request, _) = AuthorizationRequest.Read(Query("http://127.0.0.1:8080/signin-oidc"), []);
        var claims = DevelopmentIdentity.Claims("regional-officer", "33.74", null, "officer-33.74", "Budi Santoso");

        var wrongVerifier = codes.Issue(request!, claims);
        Assert.Contains("code_verifier", codes.Redeem(wrongVerifier, "portal", "http://127.0.0.1:8080/signin-oidc", "another-verifier-of-forty-three-characters-x").Error);
        // A failed redemption spends the code too: it cannot be tried again with guesses.
        Assert.NotNull(codes.Redeem(wrongVerifier, "portal", "http://127.0.0.1:8080/signin-oidc", Verifier).Error);

        var otherClient = codes.Issue(request!, claims);
        Assert.NotNull(codes.Redeem(otherClient, "someone-else", "http://127.0.0.1:8080/signin-oidc", Verifier).Error);

        var code = codes.Issue(request!, claims);
        var (redeemed, who, error) = codes.Redeem(code, "portal", "http://127.0.0.1:8080/signin-oidc", Verifier);
        Assert.Null(error);
        Assert.Equal("n1", redeemed!.Nonce);
        Assert.Contains(who!, c => c.Type == "region" && c.Value == "33.74");
        Assert.NotNull(codes.Redeem(code, "portal", "http://127.0.0.1:8080/signin-oidc", Verifier).Error);
    }
}
