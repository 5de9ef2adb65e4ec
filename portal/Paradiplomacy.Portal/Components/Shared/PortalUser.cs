using System.Security.Claims;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Portal.Components.Shared;

/// <summary>Who is signed in, as the token says: only to choose what the portal offers. The API decides what is
/// allowed, whatever the portal shows.</summary>
public sealed record PortalUser(string? Role, string? Region, string? Ministry, string? Name)
{
    public static PortalUser From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Role), user.FindFirstValue(ClaimNames.Region), user.FindFirstValue(ClaimNames.Ministry), user.Identity?.Name);

    public bool IsOfficer => Role == Roles.RegionalOfficer && !string.IsNullOrEmpty(Region);

    public bool IsReviewer => Role == Roles.MinistryReviewer;

    /// <summary>The registry id of the officer's own region ("idn-35.78").</summary>
    public string RegionCityId => $"idn-{Region}";

    /// <summary>The clearance this reviewer's ministry records.</summary>
    public Paradiplomacy.Contracts.Agreements.V1.ClearanceKind? MinistryClearance => Ministry switch
    {
        "kemendagri" => Paradiplomacy.Contracts.Agreements.V1.ClearanceKind.KemendagriClearance,
        "kemlu" => Paradiplomacy.Contracts.Agreements.V1.ClearanceKind.KemluConsideration,
        _ => null,
    };
}
