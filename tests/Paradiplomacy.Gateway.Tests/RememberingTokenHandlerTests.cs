using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Testing;

namespace Paradiplomacy.Gateway.Tests;

/// <summary>The bearer-token validation the gateway and every service use: accepted tokens are
/// remembered, but never past their expiry, and never in place of a token that differs.</summary>
public sealed class RememberingTokenHandlerTests : IDisposable
{
    private const string Issuer = "http://127.0.0.1:5001";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly TestClock _clock = new() { Now = DateTimeOffset.UtcNow };

    public void Dispose() => _rsa.Dispose();

    private string Token(TimeSpan lifetime, string subject = "officer-bandung") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = AuthenticationExtensions.DefaultAudience,
        Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, subject), new Claim(ClaimNames.Role, "regional-officer")]),
        NotBefore = _clock.Now.UtcDateTime.AddMinutes(-1),
        IssuedAt = _clock.Now.UtcDateTime.AddMinutes(-1),
        Expires = _clock.Now.UtcDateTime + lifetime,
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256),
    });

    // Lifetime checked against the test's clock, so that moving it expires tokens.
    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = AuthenticationExtensions.DefaultAudience,
        IssuerSigningKey = new RsaSecurityKey(_rsa.ExportParameters(false)),
        LifetimeValidator = (_, expires, _, _) => expires > _clock.Now.UtcDateTime,
    };

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RememberingTokenHandler(_clock);
        var token = Token(TimeSpan.FromSeconds(40));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        _clock.Now += TimeSpan.FromSeconds(41);

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task A_token_is_checked_again_after_the_remembered_time_even_if_it_has_not_expired()
    {
        var handler = new RememberingTokenHandler(_clock);
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        // The authority withdraws the key it signed with: honoured until the remembered time is up, then not.
        var withdrawn = Parameters();
        using var other = RSA.Create(2048);
        withdrawn.IssuerSigningKey = new RsaSecurityKey(other.ExportParameters(false));
        Assert.True((await handler.ValidateTokenAsync(token, withdrawn)).IsValid);
        _clock.Now += RememberingTokenHandler.Remembered + TimeSpan.FromSeconds(1);

        Assert.False((await handler.ValidateTokenAsync(token, withdrawn)).IsValid);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_while_the_genuine_one_is_remembered()
    {
        var handler = new RememberingTokenHandler(_clock);
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        var parts = token.Split('.');
        var forged = Token(TimeSpan.FromHours(1), subject: "officer-surabaya").Split('.')[1];

        var result = await handler.ValidateTokenAsync($"{parts[0]}.{forged}.{parts[2]}", Parameters());

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Each_caller_gets_its_own_identity()
    {
        var handler = new RememberingTokenHandler(_clock);
        var token = Token(TimeSpan.FromHours(1));
        var first = await handler.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("added-by-this-request", "yes"));

        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.Equal("officer-bandung", second.ClaimsIdentity.FindFirst(ClaimNames.Subject)?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-this-request"));
    }

    [Fact]
    public void The_issuer_is_read_from_the_payload_and_anything_else_is_no_issuer()
    {
        Assert.Equal(Issuer, TokenIssuer.Of($"Bearer {Token(TimeSpan.FromHours(1))}"));
        Assert.Equal(Issuer, TokenIssuer.Of($"bearer   {Token(TimeSpan.FromHours(1))}"));
        Assert.Null(TokenIssuer.Of("Basic dXNlcjpwYXNz"));
        Assert.Null(TokenIssuer.Of("Bearer not-a-token"));
        Assert.Null(TokenIssuer.Of("Bearer a.!!!.c"));
        Assert.Null(TokenIssuer.Of("Bearer eyJhbGciOiJub25lIn0.WzFd.")); // payload [1]: not an object
        Assert.Null(TokenIssuer.Of("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOjF9.")); // {"iss":1}
    }
}
