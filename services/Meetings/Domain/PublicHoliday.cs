using System.Globalization;
using System.Text.RegularExpressions;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>A day of the holiday table the time finder skips. The ministries keep the countries' days;
/// a region's officers add and remove their region's own (a regional anniversary, Nyepi in Bali).</summary>
public sealed partial class PublicHoliday : AggregateRoot
{
    public const int MaxName = 200;

    private PublicHoliday()
    {
    }

    public string CountryCode { get; private init; } = null!;
    public string? RegionCode { get; private init; }
    public DateOnly Date { get; private init; }
    public string Name { get; private init; } = null!;
    public bool Deleted { get; private set; }
    public string CreatedBy { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex(@"^\d{2}(\.\d{2}){0,3}$")]
    private static partial Regex RegionCodePattern();

    public static PublicHoliday Declare(string countryCode, string? regionCode, DateOnly? date, string name, Caller caller, string? requestId, DateTimeOffset now)
    {
        var country = (countryCode ?? string.Empty).Trim().ToUpperInvariant();
        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        var holiday = new PublicHoliday
        {
            Id = $"hol-{Guid.NewGuid():N}",
            RequestId = requestId,
            CountryCode = country,
            RegionCode = region,
            Date = date ?? default,
            Name = (name ?? string.Empty).Trim(),
            CreatedBy = caller.Describe(),
            CreatedAt = now,
        };
        holiday.AuthorizeChange(caller);
        var violations = new Violations();
        if (!CountryCodePattern().IsMatch(country))
        {
            violations.Add("holiday.country_code", "must be an ISO 3166-1 alpha-2 code (\"ID\", \"US\")");
        }
        if (region is not null && (country != "ID" || !RegionCodePattern().IsMatch(region)))
        {
            violations.Add("holiday.region_code", "is an Indonesian region's Kemendagri code (\"51\", \"35.78\"), for a holiday of country ID");
        }
        if (date is null)
        {
            violations.Add("holiday.date", "is required");
        }
        violations.Required("holiday.name", name).MaxLength("holiday.name", name, MaxName).ThrowIfAny();
        return holiday;
    }

    public void Delete()
    {
        if (Deleted)
        {
            throw new PreconditionFailedException($"Holiday {Id} was already deleted.", "HOLIDAY_DELETED");
        }
        Deleted = true;
        Version++;
    }

    public override void AuthorizeChange(Caller caller)
    {
        if (caller.HasRole(Roles.MinistryReviewer) || (RegionCode is not null && caller.CanManageRegion(RegionCode)))
        {
            return;
        }
        throw new PermissionDeniedException(RegionCode is null
            ? "A country's public holidays are kept by the ministries; a region's officers keep their region's own (give region_code)."
            : $"Only an officer of region {RegionCode} or a ministry reviewer keeps this region's holidays.");
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["country_code"] = CountryCode,
        ["region_code"] = RegionCode,
        ["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["name"] = Name,
        ["deleted"] = Deleted ? "true" : "false",
    };
}
