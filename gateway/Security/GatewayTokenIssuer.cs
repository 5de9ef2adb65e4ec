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
    private SigningKey? _key;

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
            SigningCredentials = key.Credentials,
        });
        _tokens[keyId] = (token, DateTimeOffset.UtcNow + Lifetime - TimeSpan.FromMinutes(1));
        return token;
    }

    /// <summary>Forget a key's token at once (revoked or rotated).</summary>
    public void Forget(string keyId) => _tokens.TryRemove(keyId, out _);

    public object DiscoveryDocument() => SigningKey.DiscoveryDocument(Issuer);

    public async Task<object> JwksAsync() => (await KeyAsync()).Jwks();

    private async Task<SigningKey> KeyAsync()
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
                _key = SigningKey.FromPem((string)(await db.StringGetAsync(KeyName))!);
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
