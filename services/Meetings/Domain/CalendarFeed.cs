using System.Security.Cryptography;
using System.Text;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>A secret calendar URL a partner's or an officer's own calendar subscribes to: a region's
/// meetings, or one person's. Only the token's hash is kept; revoking it ends the subscription.</summary>
public sealed class CalendarFeed : AggregateRoot
{
    private CalendarFeed()
    {
    }

    public string? RegionCode { get; private init; }
    public string? Email { get; private init; }
    public string TokenHash { get; private init; } = null!;
    public bool Revoked { get; private set; }
    public string OwnerRegionCode { get; private init; } = null!;
    public string CreatedBy { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>A new feed and its token (shown once). An officer makes feeds of their region's meetings, for the
    /// region or for one person in them; a partner, of the meetings their city is party to.</summary>
    public static (CalendarFeed Feed, string Token) Create(string? regionCode, string? email, Caller caller, DateTimeOffset now)
    {
        var owner = caller.HasRole(Roles.RegionalOfficer) || caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        if (owner is null)
        {
            throw new PermissionDeniedException("Calendar feeds are made by a region's officers or a partner city's key.");
        }
        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        var person = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        if (region is not null && region != owner)
        {
            throw new PermissionDeniedException($"A feed carries the meetings of the caller's own region or city ({owner}), not {region}'s.");
        }
        var violations = new Violations();
        if ((region is null) == (person is null))
        {
            violations.Add("feed", "names either region_code (a region's meetings) or email (one person's), not both");
        }
        violations.MaxLength("feed.email", person, 254).ThrowIfAny();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var feed = new CalendarFeed
        {
            Id = $"feed-{Guid.NewGuid():N}",
            RegionCode = region,
            Email = person,
            TokenHash = Hash(token),
            OwnerRegionCode = owner,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
        };
        return (feed, token);
    }

    public bool Accepts(string? token) => !Revoked && token is { Length: > 0 } &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public void Revoke()
    {
        Revoked = true;
        Version++;
    }

    public override void AuthorizeChange(Caller caller)
    {
        if (caller.Describe() != CreatedBy && !caller.CanManageRegion(OwnerRegionCode))
        {
            throw new PermissionDeniedException("Only who made a feed, or an officer of its region, revokes it.");
        }
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["region_code"] = RegionCode,
        ["person"] = Email is null ? null : "(an e-mail address)",
        ["revoked"] = Revoked ? "true" : "false",
    };

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
