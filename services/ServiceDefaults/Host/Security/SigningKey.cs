using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Paradiplomacy.HostDefaults.Security;

/// <summary>An RSA key that signs the platform's own tokens (the development identity provider's, the
/// gateway's for partners' API keys), with what verifiers fetch from its issuer: the JWKS and the
/// OIDC discovery document.</summary>
public sealed class SigningKey
{
    private readonly RSAParameters _public;

    public SigningKey(RSA rsa)
    {
        _public = rsa.ExportParameters(false);
        // The key id is the key's own fingerprint: every process holding the same key names it alike.
        Key = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. _public.Modulus!, .. _public.Exponent!]))[..16] };
    }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.RsaSha256);

    public static SigningKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new SigningKey(rsa);
    }

    public object Jwks() => new
    {
        keys = new[]
        {
            new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = Key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(_public.Modulus),
                ["e"] = Base64UrlEncoder.Encode(_public.Exponent),
            },
        },
    };

    /// <summary>The discovery metadata JWT bearer validation reads (issuer, where the keys are).</summary>
    public static Dictionary<string, object> DiscoveryDocument(string issuer, params string[] claims)
    {
        var document = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{issuer}/.well-known/jwks.json",
            ["response_types_supported"] = new[] { "token" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        };
        if (claims.Length > 0)
        {
            document["claims_supported"] = claims;
        }
        return document;
    }
}
