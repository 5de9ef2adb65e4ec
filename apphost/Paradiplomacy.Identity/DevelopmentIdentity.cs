using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Paradiplomacy.Identity;

/// <summary>The local OIDC authority: an RSA signing key kept in the state folder, published as
/// discovery metadata and JWKS by the identity resource, and the tokens it signs. Services validate
/// these exactly as they would the national identity provider's, by discovery.</summary>
public sealed class DevelopmentIdentity
{
    public const string Audience = "paradiplomacy";

    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal)
    {
        "regional-officer", "ministry-reviewer", "finance-approver", "partner", "operator",
    };

    public static readonly IReadOnlySet<string> Ministries = new HashSet<string>(StringComparer.Ordinal) { "kemendagri", "kemlu" };

    private readonly RsaSecurityKey _key;

    /// <summary>The issuer of the AppHost's identity resource when nothing else is configured.</summary>
    public const string DefaultIssuer = "http://127.0.0.1:18887";

    public DevelopmentIdentity(string stateDirectory, string issuer)
    {
        Issuer = issuer.TrimEnd('/');
        var path = Path.Combine(stateDirectory, "identity", "signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            // The identity resource, a test and the token command may all start on a fresh state folder:
            // the first key written wins, and everyone signs with it.
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}";
            File.WriteAllText(draft, rsa.ExportPkcs8PrivateKeyPem());
            File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(draft);
                rsa.ImportFromPem(File.ReadAllText(path));
            }
        }
        var parameters = rsa.ExportParameters(false);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Modulus!, .. parameters.Exponent!]))[..16];
        _key = new RsaSecurityKey(rsa) { KeyId = keyId };
        PublicParameters = parameters;
    }

    public string Issuer { get; }

    private RSAParameters PublicParameters { get; }

    /// <summary>Signs a token. A regional officer needs a region (Kemendagri code), a ministry
    /// reviewer a ministry; a partner may name the registry city it speaks for.</summary>
    public string CreateToken(string role, string? region = null, string? ministry = null, string? subject = null, TimeSpan? lifetime = null)
    {
        if (!Roles.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of: {string.Join(", ", Roles)}.", nameof(role));
        }
        if (role == "regional-officer" && string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("A regional officer needs --region (a Kemendagri code such as 35.78).", nameof(region));
        }
        if (role == "ministry-reviewer" && (ministry is null || !Ministries.Contains(ministry)))
        {
            throw new ArgumentException("A ministry reviewer needs --ministry kemendagri or kemlu.", nameof(ministry));
        }
        var claims = new List<Claim>
        {
            new("sub", subject ?? $"{role}{(region is null ? string.Empty : "@" + region)}{(ministry is null ? string.Empty : "@" + ministry)}"),
            new("role", role),
        };
        if (region is not null)
        {
            claims.Add(new Claim("region", region));
        }
        if (ministry is not null)
        {
            claims.Add(new Claim("ministry", ministry));
        }
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public object DiscoveryDocument() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = $"{Issuer}/.well-known/jwks.json",
        ["response_types_supported"] = new[] { "token" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["claims_supported"] = new[] { "sub", "role", "region", "ministry" },
    };

    public object Jwks() => new
    {
        keys = new[]
        {
            new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = _key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(PublicParameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(PublicParameters.Exponent),
            },
        },
    };
}
