using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Domain;

/// <summary>Where a program's money comes from. The national catalogue (APBN, JICA, USAID, KOICA, GIZ,
/// the EU) is the platform's; a region adds its own APBD, its partner city and its sponsors.</summary>
public sealed class FundingSource : AggregateRoot
{
    public const int MaxName = 200;

    public SourceKind Kind { get; private set; }
    public string Name { get; private set; } = null!;
    /// <summary>The region whose budget it is or who added it; null for the national catalogue.</summary>
    public string? RegionCode { get; private set; }
    public string? PartnerCityId { get; private set; }
    public string? IatiOrgRef { get; private set; }
    public string DefaultCurrency { get; private set; } = Currencies.Rupiah;
    public string CreatedBy { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The side of a partnership this source funds from.</summary>
    public Party Party => Kind switch
    {
        SourceKind.RegionalBudget or SourceKind.NationalBudget => Party.Indonesian,
        SourceKind.PartnerGovernment => Party.Foreign,
        _ => Party.ThirdParty,
    };

    /// <summary>The reporting region's own budget: its pledge is an outgoing commitment in IATI's terms.</summary>
    public bool IsBudgetOf(string regionCode) => Kind == SourceKind.RegionalBudget && RegionCode == regionCode;

    /// <summary>A region funds its programs from the national catalogue and its own sources, never from another region's.</summary>
    public bool IsUsableBy(string regionCode) => RegionCode is null || RegionCode == regionCode;

    public static FundingSource Add(string id, SourceKind kind, string name, string? regionCode, string? partnerCityId, string? iatiOrgRef,
        string defaultCurrency, Caller caller, string? requestId, DateTimeOffset now)
    {
        if (!caller.CanManageRegion(regionCode))
        {
            throw new PermissionDeniedException("A regional officer adds sources for their own region; the national catalogue is the platform's.");
        }
        var violations = new Violations().Required("source.name", name).MaxLength("source.name", name, MaxName)
            .MaxLength("source.iati_org_ref", iatiOrgRef, 50).MaxLength("source.partner_city_id", partnerCityId, MaxId);
        if (!Currencies.IsKnown(defaultCurrency))
        {
            violations.Add("source.default_currency", "must be an ISO 4217 currency code such as IDR, EUR, JPY");
        }
        if (kind == SourceKind.PartnerGovernment && string.IsNullOrWhiteSpace(partnerCityId))
        {
            violations.Add("source.partner_city_id", "a partner government names its city in the registry (gn-...)");
        }
        if (kind == SourceKind.NationalBudget)
        {
            violations.Add("source.kind", "the APBN is in the national catalogue already; a region adds REGIONAL_BUDGET, PARTNER_GOVERNMENT, FOREIGN_AGENCY or PRIVATE");
        }
        violations.ThrowIfAny();
        return new FundingSource
        {
            Id = id,
            Kind = kind,
            Name = name.Trim(),
            RegionCode = regionCode,
            PartnerCityId = string.IsNullOrWhiteSpace(partnerCityId) ? null : partnerCityId.Trim(),
            IatiOrgRef = string.IsNullOrWhiteSpace(iatiOrgRef) ? null : iatiOrgRef.Trim(),
            DefaultCurrency = defaultCurrency,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            RequestId = requestId,
        };
    }

    /// <summary>A source of the national catalogue, seeded with the database.</summary>
    public static FundingSource National(string id, SourceKind kind, string name, string? iatiOrgRef, string defaultCurrency) => new()
    {
        Id = id, Kind = kind, Name = name, IatiOrgRef = iatiOrgRef, DefaultCurrency = defaultCurrency, CreatedBy = "platform", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public override void AuthorizeChange(Caller caller)
    {
        if (!caller.CanManageRegion(RegionCode))
        {
            throw new PermissionDeniedException(RegionCode is null ? "The national catalogue is the platform's." : $"Only an officer of region {RegionCode} changes its sources.");
        }
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["kind"] = Kind.ToString(), ["name"] = Name, ["region"] = RegionCode, ["partner_city_id"] = PartnerCityId,
        ["iati_org_ref"] = IatiOrgRef, ["default_currency"] = DefaultCurrency,
    };
}
