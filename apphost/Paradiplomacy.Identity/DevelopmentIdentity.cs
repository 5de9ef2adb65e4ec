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

    /// <summary>Signs a token. A regional officer needs a region (Kemendagri code), a ministry
    /// reviewer a ministry; a partner may name the registry city it speaks for.</summary>
    public string CreateToken(string role, string? region = null, string? ministry = null, string? subject = null, TimeSpan? lifetime = null)
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
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = _key.Credentials,
        });
    }

    public object DiscoveryDocument() => SigningKey.DiscoveryDocument(Issuer, ClaimNames.Subject, ClaimNames.Role, ClaimNames.Region, ClaimNames.Ministry);

    public object Jwks() => _key.Jwks();
}
