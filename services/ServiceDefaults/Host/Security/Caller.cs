using System.Security.Claims;

namespace Paradiplomacy.HostDefaults.Security;

/// <summary>Who is calling, as the validated token says. Services decide with it again after the
/// gateway did, so a call that bypasses the gateway gets no more than one through it.</summary>
public sealed record Caller(string? UserId, IReadOnlySet<string> Roles, string? RegionCode, string? Ministry)
{
    public static readonly Caller Anonymous = new(null, new HashSet<string>(), null, null);

    public bool IsAuthenticated => UserId is not null;

    public bool IsOperator => Roles.Contains(Security.Roles.Operator);

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>An officer manages exactly the region their token names. Operators run the platform
    /// (keys, replays, restarts); a region's decisions are never theirs, so the role manages none.</summary>
    public bool CanManageRegion(string? regionCode) =>
        HasRole(Security.Roles.RegionalOfficer) && RegionCode is not null && RegionCode == regionCode;

    /// <summary>A finance approver (the region's BPKAD) approves the money of exactly the region their
    /// token names; one without a region approves none.</summary>
    public bool CanApproveFundsOf(string? regionCode) =>
        HasRole(Security.Roles.FinanceApprover) && RegionCode is not null && RegionCode == regionCode;

    public string Describe() => UserId ?? "anonymous";

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var roles = principal.FindAll(ClaimNames.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(
            principal.FindFirst(ClaimNames.Subject)?.Value ?? "unknown",
            roles,
            principal.FindFirst(ClaimNames.Region)?.Value,
            principal.FindFirst(ClaimNames.Ministry)?.Value);
    }
}
