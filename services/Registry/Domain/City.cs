using System.Globalization;
using System.Text.Json;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Domain;

/// <summary>A government that can enter a partnership. Reference fields come from Kemendagri,
/// ISO 3166-2 or GeoNames; the profile belongs to the region itself.</summary>
public sealed class City : AggregateRoot
{
    public const string IndonesiaCode = "ID";
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private City()
    {
    }

    public CityLevel Level { get; init; }
    public required string Name { get; set; }
    public List<string> AlternateNames { get; set; } = [];
    public required string CountryCode { get; init; }
    public string? ParentId { get; set; }
    /// <summary>Kemendagri code of an Indonesian region ("35.78").</summary>
    public string? Code { get; init; }
    /// <summary>ISO 3166-2 code of a subdivision abroad ("JP-26").</summary>
    public string? IsoCode { get; init; }
    public long? GeoNamesId { get; init; }
    public long? Population { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? TimeZone { get; set; }
    public CityProfile Profile { get; private set; } = new();
    /// <summary>What the reference data says of the place (capital, metropolitan, port_city, coastal),
    /// next to the traits the region claims in its profile.</summary>
    public List<string> ReferenceTraits { get; private set; } = [];
    /// <summary>Whether the profile says anything partner matching can use (kept for an index).</summary>
    public bool HasProfile { get; private set; }
    public List<string> CurrentPartnerIds { get; set; } = [];
    /// <summary>Who registered it, for governments added by users; null for reference data.</summary>
    public string? RegisteredBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsIndonesian => CountryCode == IndonesiaCode;

    /// <summary>A government abroad that the reference data lacks, registered by a user: under a
    /// parent of its own country if it names one, in the parent's time zone unless it gives its own.</summary>
    public static City Register(string name, CityLevel level, string countryCode, City? parent, long? population,
        double? latitude, double? longitude, string? timeZone, IEnumerable<string> alternateNames, Caller caller, string? requestId,
        DateTimeOffset now)
    {
        if (parent is not null && parent.CountryCode != countryCode)
        {
            throw new ValidationException("city.parent_id", $"'{parent.Id}' is not a registered government in {countryCode}");
        }
        timeZone = string.IsNullOrEmpty(timeZone) ? parent?.TimeZone : timeZone;
        if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new ValidationException("city.time_zone",
                timeZone is null ? "is required (an IANA zone such as \"Europe/London\") when there is no parent to take it from" : $"'{timeZone}' is not an IANA time zone");
        }
        if (countryCode == IndonesiaCode)
        {
            throw new ValidationException("city.country_code", "Indonesian regions come from Kemendagri's list and cannot be registered by hand");
        }
        if (level is not (CityLevel.Subdivision or CityLevel.Municipality))
        {
            throw new ValidationException("city.level", "a government abroad is a SUBDIVISION or a MUNICIPALITY");
        }
        RequireRegistrar(caller);
        var city = new City
        {
            Id = $"reg-{Guid.NewGuid():N}",
            Name = name.Trim(),
            Level = level,
            CountryCode = countryCode,
            ParentId = parent?.Id,
            Population = population,
            Latitude = latitude,
            Longitude = longitude,
            TimeZone = timeZone,
            AlternateNames = alternateNames.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList(),
            RegisteredBy = caller.Describe(),
            RequestId = requestId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        city.Raise(new CityRegistered(city.Id, city.Name, city.CountryCode, city.Level.ToString(), caller.Describe()));
        return city;
    }

    /// <summary>Regional officers and ministry reviewers add the governments abroad they work with.</summary>
    public static void RequireRegistrar(Caller caller)
    {
        if (!caller.HasRole(Roles.RegionalOfficer) && !caller.HasRole(Roles.MinistryReviewer))
        {
            throw new PermissionDeniedException("Only regional officers and ministry reviewers register governments abroad.");
        }
    }

    /// <summary>Reference data row (Kemendagri, ISO 3166-2, GeoNames).</summary>
    public static City FromReference(string id, CityLevel level, string name, string countryCode, string? parentId,
        string? code, string? isoCode, long? geoNamesId, long? population, double? latitude, double? longitude,
        string? timeZone, List<string> alternateNames, DateTimeOffset now, List<string>? referenceTraits = null) => new()
        {
            ReferenceTraits = referenceTraits ?? [],
            Id = id, Level = level, Name = name, CountryCode = countryCode, ParentId = parentId, Code = code, IsoCode = isoCode,
            GeoNamesId = geoNamesId, Population = population, Latitude = latitude, Longitude = longitude, TimeZone = timeZone,
            AlternateNames = alternateNames, CreatedAt = now, UpdatedAt = now,
        };

    /// <summary>Every trait known of the place: the ones its region claims and the ones the data shows.</summary>
    public IReadOnlyList<string> Traits() => Profile.Traits.Union(ReferenceTraits, StringComparer.Ordinal).ToList();

    /// <summary>An Indonesian region's officer keeps its profile; a government abroad is kept by a
    /// partner key bound to it or by whoever registered it. Operators keep none.</summary>
    public bool CanBeEditedBy(Caller caller)
    {
        if (IsIndonesian)
        {
            return caller.CanManageRegion(Code);
        }
        return (caller.HasRole(Roles.Partner) && caller.RegionCode == Id)
            || (RegisteredBy is not null && caller.UserId == RegisteredBy);
    }

    /// <summary>Replaces the profile after the caller's rights are checked and announces it; returns the
    /// fields that changed (none: nothing is written and the version stays).</summary>
    public IReadOnlyList<string> UpdateProfile(CityProfile profile, Caller caller, DateTimeOffset now)
    {
        AuthorizeChange(caller);
        var changed = profile.ChangedFieldsSince(Profile);
        if (changed.Count == 0)
        {
            return changed;
        }
        Profile = profile;
        HasProfile = !profile.IsEmpty;
        Version++;
        UpdatedAt = now;
        Raise(new CityProfileUpdated(Id, changed, profile.Traits, profile.AllFields().ToList(), profile.Seeking.Active, caller.Describe(), Etag));
        return changed;
    }

    public override void AuthorizeChange(Caller caller)
    {
        if (!caller.IsAuthenticated)
        {
            throw new PermissionDeniedException("Sign in to change a city's profile.");
        }
        if (!CanBeEditedBy(caller))
        {
            throw new PermissionDeniedException(
                $"Only an officer of {Name}{(Code is null ? string.Empty : $" ({Code})")} may change its profile.");
        }
    }

    /// <summary>Partners with an active agreement, as the agreements service reports them; false when
    /// the list is what it was.</summary>
    public bool SetCurrentPartners(IEnumerable<string> partnerIds, DateTimeOffset now)
    {
        var partners = partnerIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (partners.SequenceEqual(CurrentPartnerIds))
        {
            return false;
        }
        CurrentPartnerIds = partners;
        Version++;
        UpdatedAt = now;
        return true;
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => new Dictionary<string, string?>
    {
        ["name"] = Name,
        ["alternate_names"] = string.Join(", ", AlternateNames),
        ["parent_id"] = ParentId,
        ["population"] = Population?.ToString(CultureInfo.InvariantCulture),
        ["location"] = Latitude is null || Longitude is null ? null : FormattableString.Invariant($"{Latitude}, {Longitude}"),
        ["time_zone"] = TimeZone,
        ["profile.traits"] = string.Join(", ", Profile.Traits),
        ["profile.priority_fields"] = string.Join(", ", Profile.PriorityFields),
        ["profile.languages"] = string.Join(", ", Profile.Languages),
        ["profile.summary"] = Profile.Summary,
        ["profile.coordinator"] = JsonSerializer.Serialize(Profile.Coordinator, AuditJson),
        ["profile.seeking"] = JsonSerializer.Serialize(Profile.Seeking, AuditJson),
        ["current_partners"] = string.Join(", ", CurrentPartnerIds),
    };

    /// <summary>The side a partner comes from: Indonesian regions partner abroad and vice versa,
    /// at a comparable level (a province with a state or prefecture, a kota or kabupaten with a municipality).</summary>
    public IReadOnlyList<CityLevel> PartnerLevels() => Level switch
    {
        // A province such as DKI Jakarta partners with prefectures and states, and with capital cities (Tokyo, Seoul, Berlin).
        CityLevel.Province => [CityLevel.Subdivision, CityLevel.Municipality],
        CityLevel.Regency or CityLevel.City => [CityLevel.Municipality],
        CityLevel.Subdivision => [CityLevel.Province],
        _ => [CityLevel.City, CityLevel.Regency],
    };
}
