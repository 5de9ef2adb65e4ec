using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Gateway.Security;

/// <summary>Authenticates a partner system by the X-Api-Key header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[HeaderName].ToString();
        if (secret.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var key = await store.FindBySecretAsync(secret);
        if (key is null || key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key is unknown, rotated or revoked.");
        }
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, $"key:{key.Id}"),
            new(ClaimNames.Name, key.Owner),
            new(ClaimNames.Role, key.Role),
            new(KeyIdClaim, key.Id),
            new("rpm", key.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (key.Region is not null)
        {
            claims.Add(new Claim(key.Role == Roles.MinistryReviewer ? ClaimNames.Ministry : ClaimNames.Region, key.Region));
        }
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimNames.Subject, ClaimNames.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
