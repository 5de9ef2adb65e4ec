using Paradiplomacy.Contracts.IntegrationEvents;

namespace Paradiplomacy.ServiceDefaults.Projections;

/// <summary>A service's own copy of an agreement, kept from the agreements service's events so that
/// planning a program or a meeting asks no one: its parties, fields, validity and status.</summary>
public sealed class PartnerAgreement
{
    public const string Active = "Active";

    public required string AgreementId { get; init; }
    public int Version { get; private set; }
    public string Status { get; private set; } = null!;
    public string Kind { get; private set; } = null!;
    public string Title { get; private set; } = string.Empty;
    public string IndonesianPartyId { get; private set; } = null!;
    public string RegionCode { get; private set; } = null!;
    public string ProvinceCode { get; private set; } = null!;
    public List<string> ForeignPartyIds { get; private set; } = [];
    public List<string> Fields { get; private set; } = [];
    public DateOnly? EffectiveOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string? ParentAgreementId { get; private set; }

    public bool IsActive => Status == Active;

    /// <summary>Signed at some point, so its existence is a public fact (drafts, submissions and withdrawn ones are not).</summary>
    public bool IsPublic => PublicStatuses.Contains(Status);

    /// <summary>The statuses in which an agreement's existence is public.</summary>
    public static readonly string[] PublicStatuses = ["Signed", Active, "Expired", "Terminated", "Superseded"];

    /// <summary>Expired or ended early: its open programs are flagged and none may start. A superseded
    /// version is not ended: the renewal that replaced it carries the partnership on.</summary>
    public bool HasEnded => Status is "Expired" or "Terminated";

    /// <summary>Takes the event's picture of the agreement if it is newer than the one held; false for old news.</summary>
    public bool Apply(AgreementEvent e) => Apply(e.AgreementVersion, e.Status, e.Kind, e.Title, e.IndonesianPartyId, e.RegionCode, e.ForeignPartyIds,
        e.Fields, e.EffectiveOn, e.ExpiresOn, e.ParentAgreementId);

    /// <summary>The agreement as of <paramref name="version"/>, unless a newer one is held already.</summary>
    public bool Apply(int version, string status, string kind, string title, string indonesianPartyId, string regionCode,
        IReadOnlyList<string> foreignPartyIds, IReadOnlyList<string> fields, DateOnly? effectiveOn, DateOnly? expiresOn, string? parentAgreementId)
    {
        if (version <= Version)
        {
            return false;
        }
        Version = version;
        Status = status;
        Kind = kind;
        Title = title;
        IndonesianPartyId = indonesianPartyId;
        RegionCode = regionCode;
        ProvinceCode = ProvinceOf(regionCode);
        ForeignPartyIds = [.. foreignPartyIds];
        Fields = [.. fields];
        EffectiveOn = effectiveOn;
        ExpiresOn = expiresOn;
        ParentAgreementId = parentAgreementId;
        return true;
    }

    /// <summary>The province of a Kemendagri region code: "35.78" (Kota Surabaya) is in "35" (Jawa Timur).</summary>
    public static string ProvinceOf(string regionCode) => regionCode.Split('.')[0];
}
