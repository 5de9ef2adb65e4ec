using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.Registry.Queries;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Grpc;

/// <summary>The registry's contract: checks and translates each request, then asks the queries or
/// the domain through the write path.</summary>
public sealed class CityRegistryService(
    CityQueries queries,
    CityRegistration registration,
    AggregateWriter<City> writer,
    CityCache cache,
    CityNameIndex index,
    CountryDirectory countries,
    TimeProvider clock,
    ILogger<CityRegistryService> logger) : V1.CityRegistry.CityRegistryBase
{
    public const int MaxSuggestions = 50;
    private const int MaxQueryLength = 100;

    public override async Task<V1.City> GetCity(V1.GetCityRequest request, ServerCallContext context)
    {
        Ids.Check("id", request.Id);
        return await queries.GetAsync(request.Id, context.Caller(), context.CancellationToken);
    }

    public override async Task<V1.ListCitiesResponse> ListCities(V1.ListCitiesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
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
        var page = Paging.Start(size, request.PageToken, $"{query}|{filter}");
        return await queries.ListAsync(query, filter, page, context.Caller(), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.City> CreateCity(V1.CreateCityRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        City.RequireRegistrar(caller);
        var input = request.City ?? new V1.City();
        var violations = new Violations()
            .Required("city.name", input.Name)
            .MaxLength("city.name", input.Name, 200)
            .RequestId(request.RequestId)
            .RejectOutputOnly(input, "city");
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
        var level = violations.Enum<V1.CityLevel, CityLevel>("city.level", input.Level, "SUBDIVISION or MUNICIPALITY");
        violations.ThrowIfAny();

        var city = await registration.RegisterAsync(input.Name, level, countryCode, input.ParentId, input.Population > 0 ? input.Population : null,
            input.Location?.Latitude, input.Location?.Longitude, input.TimeZone, input.AlternateNames, caller, Ids.OrNull(request.RequestId),
            context.CancellationToken);
        // Found by this replica's search as soon as the call returns, by the others' once they hear of it.
        index.Apply(city);
        await cache.InvalidateAsync(city.Id);
        logger.LogInformation("City {CityId} ({Name}, {Country}) registered by {User}", city.Id, city.Name, city.CountryCode, caller.Describe());
        return await queries.ToProtoAsync(city, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.City> UpdateCityProfile(V1.UpdateCityProfileRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        Ids.Check("id", request.Id);
        IReadOnlyList<string> changed = [];
        var city = await writer.ChangeAsync(request.Id, request.Etag, caller, "update_profile", c =>
        {
            var next = ProfileMask.Apply(c.Profile, request.Profile, request.UpdateMask);
            var violations = new Violations();
            ProfileRules.Validate(next, violations, countries.Exists);
            violations.ThrowIfAny();
            changed = c.UpdateProfile(next, caller, clock.GetUtcNow());
        }, context.CancellationToken);
        if (changed.Count > 0)
        {
            index.Apply(city);
            await cache.InvalidateAsync(city.Id);
            logger.LogInformation("Profile of {CityId} updated by {User}: {Fields}", city.Id, caller.Describe(), string.Join(",", changed));
        }
        return await queries.ToProtoAsync(city, context.CancellationToken);
    }

    public override async Task<V1.SuggestPartnersResponse> SuggestPartners(V1.SuggestPartnersRequest request, ServerCallContext context)
    {
        var violations = new Violations().Id("id", request.Id);
        var limit = Paging.Size(request.PageSize, violations, MaxSuggestions, @default: 10);
        var countryCode = request.CountryCode.Trim().ToUpperInvariant();
        if (countryCode.Length > 0 && !countries.Exists(countryCode))
        {
            violations.Add("country_code", "must be an ISO 3166-1 alpha-2 country code");
        }
        violations.ThrowIfAny();
        return await queries.SuggestPartnersAsync(request.Id, countryCode, limit, context.Caller(), context.CancellationToken);
    }
}
