using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Paradiplomacy.HostDefaults.Security;
using StackExchange.Redis;

namespace Paradiplomacy.Gateway.Security;

/// <summary>Turns an API key caller into a short-lived JWT that services validate like any other
/// (from the gateway's discovery document), so the services check a partner's rights themselves.
/// The signing key is created once and shared by every replica through Redis.</summary>
public sealed class GatewayTokenIssuer(IConnectionMultiplexer redis, IConfiguration configuration) : IDisposable
{
    private const string KeyName = "gateway:signing-key";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Renew)> _tokens = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private RsaSecurityKey? _key;

    /// <summary>The issuer services know the gateway by (Gateway:Issuer, its own http URL).</summary>
    public string Issuer => configuration["Gateway:Issuer"] ?? "http://127.0.0.1:8080";

    public async Task<string> TokenForAsync(ClaimsPrincipal principal)
    {
        var keyId = principal.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)!.Value;
        if (_tokens.TryGetValue(keyId, out var cached) && cached.Renew > DateTimeOffset.UtcNow)
        {
            return cached.Token;
        }
        var key = await KeyAsync();
        var now = DateTime.UtcNow;
        var claims = principal.Claims.Where(c => c.Type is ClaimNames.Subject or ClaimNames.Name or ClaimNames.Role or ClaimNames.Region
            or ClaimNames.Ministry or ApiKeyAuthenticationHandler.ScopeClaim or ApiKeyAuthenticationHandler.KeyIdClaim);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AuthenticationExtensions.DefaultAudience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        _tokens[keyId] = (token, DateTimeOffset.UtcNow + Lifetime - TimeSpan.FromMinutes(1));
        return token;
    }

    /// <summary>Forget a key's token at once (revoked or rotated).</summary>
    public void Forget(string keyId) => _tokens.TryRemove(keyId, out _);

    public object DiscoveryDocument() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = $"{Issuer}/.well-known/jwks.json",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["subject_types_supported"] = new[] { "public" },
        ["response_types_supported"] = new[] { "token" },
    };

    public async Task<object> JwksAsync()
    {
        var key = await KeyAsync();
        var parameters = key.Rsa.ExportParameters(false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
    }

    private async Task<RsaSecurityKey> KeyAsync()
    {
        if (_key is not null)
        {
            return _key;
        }
        await _loading.WaitAsync();
        try
        {
            if (_key is null)
            {
                var db = redis.GetDatabase();
                using (var fresh = RSA.Create(2048))
                {
                    // The first replica to start stores its key; every other replica uses that one.
                    await db.StringSetAsync(KeyName, fresh.ExportPkcs8PrivateKeyPem(), when: When.NotExists);
                }
                var rsa = RSA.Create();
                rsa.ImportFromPem((string)(await db.StringGetAsync(KeyName))!);
                var publicParameters = rsa.ExportParameters(false);
                _key = new RsaSecurityKey(rsa)
                {
                    KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. publicParameters.Modulus!, .. publicParameters.Exponent!]))[..16],
                };
            }
            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
