using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Identity;

/// <summary>The local OIDC authority: an RSA signing key kept in the state folder, published as
/// discovery metadata and JWKS by the identity resource, and the tokens it signs. Services validate
/// these exactly as they would the national identity provider's, by discovery.</summary>
public sealed class DevelopmentIdentity
{
    public const string Audience = AuthenticationExtensions.DefaultAudience;

    public static readonly IReadOnlySet<string> Ministries = new HashSet<string>(StringComparer.Ordinal) { "kemendagri", "kemlu" };

    private readonly SigningKey _key;

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
        _key = new SigningKey(rsa);
    }

    public string Issuer { get; }

    /// <summary>Signs an access token for the platform's API. A regional officer needs a region (Kemendagri
    /// code), a ministry reviewer a ministry; a partner may name the registry city it speaks for.</summary>
    public string CreateToken(string role, string? region = null, string? ministry = null, string? subject = null, TimeSpan? lifetime = null,
        string? name = null) =>
        Sign(Claims(role, region, ministry, subject, name), Audience, lifetime ?? TimeSpan.FromHours(8));

    /// <summary>An access token for someone signed in through the sign-in page.</summary>
    public string CreateAccessToken(IReadOnlyList<Claim> claims, TimeSpan lifetime) => Sign(claims, Audience, lifetime);

    /// <summary>The OIDC id token a client (the portal) receives beside the access token: the same person, for that
    /// client, bound to the nonce of its sign-in request.</summary>
    public string CreateIdToken(IReadOnlyList<Claim> claims, string clientId, string? nonce, TimeSpan lifetime)
    {
        var withNonce = new List<Claim>(claims);
        if (!string.IsNullOrEmpty(nonce))
        {
            withNonce.Add(new Claim("nonce", nonce));
        }
        return Sign(withNonce, clientId, lifetime);
    }

    /// <summary>Who a token says the caller is, checked as the services will read it.</summary>
    public static List<Claim> Claims(string role, string? region, string? ministry, string? subject, string? name = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of: {string.Join(", ", Roles.All)}.", nameof(role));
        }
        if (role == Roles.RegionalOfficer && string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("A regional officer needs --region (a Kemendagri code such as 35.78).", nameof(region));
        }
        if (role == Roles.MinistryReviewer && (ministry is null || !Ministries.Contains(ministry)))
        {
            throw new ArgumentException("A ministry reviewer needs --ministry kemendagri or kemlu.", nameof(ministry));
        }
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, subject ?? $"{role}{(region is null ? string.Empty : "@" + region)}{(ministry is null ? string.Empty : "@" + ministry)}"),
            new(ClaimNames.Role, role),
        };
        if (region is not null)
        {
            claims.Add(new Claim(ClaimNames.Region, region));
        }
        if (ministry is not null)
        {
            claims.Add(new Claim(ClaimNames.Ministry, ministry));
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim(ClaimNames.Name, name.Trim()));
        }
        return claims;
    }

    private string Sign(IEnumerable<Claim> claims, string audience, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _key.Credentials,
        });
    }

    /// <summary>Discovery for validators (issuer, keys) and for clients signing people in: the authorization code
    /// flow with PKCE, as the national identity provider offers it.</summary>
    public object DiscoveryDocument()
    {
        var document = SigningKey.DiscoveryDocument(Issuer, ClaimNames.Subject, ClaimNames.Name, ClaimNames.Role, ClaimNames.Region, ClaimNames.Ministry);
        document["authorization_endpoint"] = $"{Issuer}/connect/authorize";
        document["token_endpoint"] = $"{Issuer}/connect/token";
        document["end_session_endpoint"] = $"{Issuer}/connect/endsession";
        document["response_types_supported"] = new[] { "code", "token" };
        document["grant_types_supported"] = new[] { "authorization_code" };
        document["code_challenge_methods_supported"] = new[] { "S256" };
        document["scopes_supported"] = new[] { "openid", "profile" };
        document["token_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_post" };
        return document;
    }

    public object Jwks() => _key.Jwks();
}
