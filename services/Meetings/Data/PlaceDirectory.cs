using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using CityRegistryClient = Paradiplomacy.Contracts.Registry.V1.CityRegistry.CityRegistryClient;
using V1Registry = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Meetings.Data;

/// <summary>The cities meetings take place in, with their zone and country: asked of the registry the first
/// time a city is met, then kept (a city's zone does not change with its partnerships).</summary>
public sealed class PlaceDirectory(MeetingsDbContext db, CityRegistryClient registry, TimeProvider clock, ILogger<PlaceDirectory> logger)
{
    /// <summary>The places of <paramref name="cityIds"/> the registry knows; a city it does not know is left out.</summary>
    public async Task<IReadOnlyDictionary<string, Place>> FindAsync(IEnumerable<string> cityIds, CancellationToken ct)
    {
        var ids = cityIds.Where(id => id.Length is > 0 and <= 64).Distinct().ToList();
        var known = await db.Places.AsNoTracking().Where(p => ids.Contains(p.CityId)).ToDictionaryAsync(p => p.CityId, ct);
        foreach (var id in ids.Where(id => !known.ContainsKey(id)))
        {
            V1Registry.City city;
            try
            {
                city = await registry.GetCityAsync(new V1Registry.GetCityRequest { Id = id }, cancellationToken: ct);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                continue;
            }
            catch (RpcException ex)
            {
                logger.LogWarning("The registry did not answer for {CityId}: {Status}", id, ex.StatusCode);
                throw new PreconditionFailedException($"City {id} is not known here yet and the registry did not answer; try again shortly.", "REGISTRY_UNAVAILABLE");
            }
            var place = new Place
            {
                CityId = city.Id,
                Name = city.Name,
                CountryCode = city.CountryCode,
                RegionCode = city.CountryCode == "ID" && city.Code.Length > 0 ? city.Code : null,
                TimeZone = Zones.Find(city.TimeZone)?.Id ?? "UTC",
                FetchedAt = clock.GetUtcNow(),
            };
            known[id] = place;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO places (city_id, name, country_code, region_code, time_zone, fetched_at) VALUES ({place.CityId}, {place.Name}, {place.CountryCode}, {place.RegionCode}, {place.TimeZone}, {place.FetchedAt}) ON CONFLICT (city_id) DO NOTHING", ct);
        }
        return known;
    }
}
