using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Messaging;
using Paradiplomacy.ServiceDefaults.Security;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Grpc;

public sealed class CityRegistryService(
    RegistryDbContext db,
    CitySearch search,
    CityCache cache,
    CountryDirectory countries,
    TimeProvider clock,
    ILogger<CityRegistryService> logger) : V1.CityRegistry.CityRegistryBase
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSuggestions = 50;
    private const int MaxQueryLength = 100;
    private const int MaxIdLength = 64;

    public override async Task<V1.City> GetCity(V1.GetCityRequest request, ServerCallContext context)
    {
        CheckId("id", request.Id);
        if (await cache.GetAsync(request.Id) is { } cached)
        {
            return cached;
        }
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new NotFoundException("City", request.Id);
        var proto = await ToProtoAsync(city, context.CancellationToken);
        await cache.SetAsync(proto);
        return proto;
    }

    public override async Task<V1.ListCitiesResponse> ListCities(V1.ListCitiesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"must be between 1 and {MaxPageSize}");
        }
        var query = NameNormalizer.Normalize(request.Query);
        if (request.Query.Length > MaxQueryLength)
        {
            violations.Add("query", $"must be at most {MaxQueryLength} characters");
        }
        else if (request.Query.Length > 0 && query.Length < 2)
        {
            violations.Add("query", "give at least 2 letters or digits to search for");
        }
        violations.ThrowIfAny();
        var filter = CityFilter.Parse(request.Filter);
        var fingerprint = $"{query}|{filter}";
        var offset = PageToken.Decode(request.PageToken, fingerprint);

        var ids = query.Length > 0
            ? await search.SearchAsync(query, filter, offset, pageSize + 1, context.CancellationToken)
            : await search.ListAsync(filter, offset, pageSize + 1, context.CancellationToken);
        var page = ids.Take(pageSize).ToList();
        var cities = await db.Cities.AsNoTracking().Where(c => page.Contains(c.Id)).ToDictionaryAsync(c => c.Id, context.CancellationToken);

        var response = new V1.ListCitiesResponse();
        response.Cities.AddRange(await ToProtoAsync(page.Select(id => cities[id]).ToList(), context.CancellationToken));
        if (ids.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(offset + pageSize, fingerprint);
        }
        return response;
    }

    [Authorize]
    public override async Task<V1.City> CreateCity(V1.CreateCityRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var input = request.City ?? new V1.City();
        var violations = new Violations()
            .Required("city.name", input.Name)
            .MaxLength("city.name", input.Name, 200)
            .MaxLength("request_id", request.RequestId, 100);
        if (input.AlternateNames.Count > 20)
        {
            violations.Add("city.alternate_names", "at most 20 names");
        }
        foreach (var (name, i) in input.AlternateNames.Select((n, i) => (n, i)))
        {
            violations.MaxLength($"city.alternate_names[{i}]", name, 200);
        }
        var countryCode = input.CountryCode.Trim().ToUpperInvariant();
        if (!countries.Exists(countryCode))
        {
            violations.Add("city.country_code", "must be an ISO 3166-1 alpha-2 country code such as \"GB\"");
        }
        if (input.Population < 0)
        {
            violations.Add("city.population", "cannot be negative");
        }
        if (input.Location is { } loc && (loc.Latitude is < -90 or > 90 || loc.Longitude is < -180 or > 180))
        {
            violations.Add("city.location", "latitude must be within ±90 and longitude within ±180");
        }
        if (input.Level == V1.CityLevel.Unspecified)
        {
            violations.Add("city.level", "is required: SUBDIVISION or MUNICIPALITY");
        }
        violations.ThrowIfAny();

        if (request.RequestId.Length > 0
            && await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == request.RequestId, context.CancellationToken) is { } earlier)
        {
            return await ToProtoAsync(earlier, context.CancellationToken);
        }

        City? parent = null;
        if (input.ParentId.Length > 0)
        {
            parent = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ParentId, context.CancellationToken);
            if (parent is null || parent.CountryCode != countryCode)
            {
                throw new ValidationException("city.parent_id", $"'{input.ParentId}' is not a registered government in {countryCode}");
            }
        }
        var timeZone = input.TimeZone.Length > 0 ? input.TimeZone : parent?.TimeZone;
        if (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new ValidationException("city.time_zone",
                timeZone is null ? "is required (an IANA zone such as \"Europe/London\") when there is no parent to take it from" : $"'{timeZone}' is not an IANA time zone");
        }

        var normalized = NameNormalizer.Normalize(input.Name);
        var level = (CityLevel)(int)input.Level;
        if (!Enum.IsDefined(level))
        {
            throw new ValidationException("city.level", "is not a known level");
        }
        var parentId = parent?.Id;
        var duplicate = await db.CityNames.AsNoTracking()
            .Where(n => n.Name == normalized)
            .Join(db.Cities, n => n.CityId, c => c.Id, (n, c) => c)
            .FirstOrDefaultAsync(c => c.CountryCode == countryCode && c.Level == level && c.ParentId == parentId, context.CancellationToken);
        if (duplicate is not null)
        {
            throw new AlreadyExistsException($"{duplicate.Name} ({countryCode}) is already registered as '{duplicate.Id}'.");
        }

        var city = City.Register(input.Name, level, countryCode, parent?.Id, input.Population > 0 ? input.Population : null,
            input.Location?.Latitude, input.Location?.Longitude, timeZone, input.AlternateNames, caller,
            request.RequestId.Length > 0 ? request.RequestId : null, clock.GetUtcNow());
        db.Cities.Add(city);
        db.CityNames.AddRange(ReferenceDataLoader.SearchForms(city).Select(f => new CityName { CityId = city.Id, Name = f }));
        db.AddIntegrationEvent(new CityRegistered(city.Id, city.Name, city.CountryCode, city.Level.ToString(), caller.Describe()));
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("City {CityId} ({Name}, {Country}) registered by {User}", city.Id, city.Name, city.CountryCode, caller.Describe());
        return await ToProtoAsync(city, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.City> UpdateCityProfile(V1.UpdateCityProfileRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        CheckId("id", request.Id);
        var city = await db.Cities.FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new NotFoundException("City", request.Id);

        var next = ProfileMask.Apply(city.Profile, request.Profile, request.UpdateMask);
        var violations = new Violations();
        ProfileRules.Validate(next, violations, countries.Exists);
        violations.ThrowIfAny();

        var changed = city.UpdateProfile(next, caller, request.Etag, clock.GetUtcNow());
        if (changed.Count == 0)
        {
            // The region sent what is already there: nothing to write or announce.
            return await ToProtoAsync(city, context.CancellationToken);
        }

        db.AddIntegrationEvent(new CityProfileUpdated(city.Id, changed, next.Traits, next.AllFields().ToList(),
            next.Seeking.Active, caller.Describe(), city.Etag));
        await db.SaveChangesAsync(context.CancellationToken);
        await cache.InvalidateAsync(city.Id);
        logger.LogInformation("Profile of {CityId} updated by {User}: {Fields}", city.Id, caller.Describe(), string.Join(",", changed));
        return await ToProtoAsync(city, context.CancellationToken);
    }

    public override async Task<V1.SuggestPartnersResponse> SuggestPartners(V1.SuggestPartnersRequest request, ServerCallContext context)
    {
        CheckId("id", request.Id);
        var limit = request.PageSize == 0 ? 10 : request.PageSize;
        if (limit is < 0 or > MaxSuggestions)
        {
            throw new ValidationException("page_size", $"must be between 1 and {MaxSuggestions}");
        }
        var countryCode = request.CountryCode.Trim().ToUpperInvariant();
        if (countryCode.Length > 0 && !countries.Exists(countryCode))
        {
            throw new ValidationException("country_code", "must be an ISO 3166-1 alpha-2 country code");
        }
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new NotFoundException("City", request.Id);

        var levels = city.PartnerLevels();
        var others = db.Cities.AsNoTracking().Where(c => levels.Contains(c.Level));
        others = city.IsIndonesian ? others.Where(c => c.CountryCode != City.IndonesiaCode) : others.Where(c => c.CountryCode == City.IndonesiaCode);
        if (countryCode.Length > 0)
        {
            others = others.Where(c => c.CountryCode == countryCode);
        }
        // Candidates: every government that wrote a profile, and the ones closest in size.
        var candidates = await others.Where(c => c.HasProfile).Take(2000).ToListAsync(context.CancellationToken);
        if (city.Population is > 0 and var population)
        {
            var low = population / 3;
            var high = population * 3;
            candidates.AddRange(await others.Where(c => c.Population >= low && c.Population <= high)
                .OrderByDescending(c => c.Population).Take(500).ToListAsync(context.CancellationToken));
        }
        var ranked = PartnerMatcher.Rank(city, candidates.DistinctBy(c => c.Id), limit);

        var response = new V1.SuggestPartnersResponse();
        var protos = await ToProtoAsync(ranked.Select(r => r.City).ToList(), context.CancellationToken);
        for (var i = 0; i < ranked.Count; i++)
        {
            var suggestion = new V1.PartnerSuggestion { City = protos[i], Score = ranked[i].Score };
            suggestion.Reasons.AddRange(ranked[i].Reasons);
            response.Suggestions.Add(suggestion);
        }
        return response;
    }

    private static void CheckId(string field, string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException(field, "is required");
        }
        if (id.Length > MaxIdLength)
        {
            throw new ValidationException(field, $"must be at most {MaxIdLength} characters");
        }
    }

    private async Task<V1.City> ToProtoAsync(City city, CancellationToken ct) => (await ToProtoAsync([city], ct))[0];

    private async Task<List<V1.City>> ToProtoAsync(IReadOnlyList<City> cities, CancellationToken ct)
    {
        var parentIds = cities.Where(c => c.ParentId is not null).Select(c => c.ParentId!).Distinct().ToList();
        var parentNames = parentIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Cities.AsNoTracking().Where(c => parentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return cities.Select(c => c.ToProto(countries, c.ParentId is not null && parentNames.TryGetValue(c.ParentId, out var n) ? n : null)).ToList();
    }
}
