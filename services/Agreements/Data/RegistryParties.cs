using Grpc.Core;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Agreements.Data;

/// <summary>Looks parties up in the registry over gRPC: drafting needs them current, so this is a
/// call and not a projection.</summary>
public sealed class RegistryParties(V1.CityRegistry.CityRegistryClient registry)
{
    public async Task<Party> IndonesianAsync(string cityId, string field, CancellationToken ct)
    {
        var city = await FindAsync(cityId, field, ct);
        if (city.CountryCode != "ID")
        {
            throw new ValidationException(field, $"{city.Name} ({city.CountryName}) is not an Indonesian region");
        }
        return new Party(city.Id, city.Name, city.CountryCode, city.Code, LevelOf(city));
    }

    public async Task<IReadOnlyList<Party>> ForeignAsync(IReadOnlyList<string> cityIds, string field, CancellationToken ct)
    {
        var parties = new List<Party>();
        for (var i = 0; i < cityIds.Count; i++)
        {
            var city = await FindAsync(cityIds[i], $"{field}[{i}].city_id", ct);
            parties.Add(new Party(city.Id, city.Name, city.CountryCode, null, LevelOf(city)));
        }
        return parties;
    }

    private static string? LevelOf(V1.City city) => city.Level == V1.CityLevel.Unspecified ? null : city.Level.ToString();

    private async Task<V1.City> FindAsync(string cityId, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cityId) || cityId.Length > 64)
        {
            throw new ValidationException(field, "give the registry id of the government (for example idn-35.78 or gn-2644210)");
        }
        try
        {
            return await registry.GetCityAsync(new V1.GetCityRequest { Id = cityId }, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new ValidationException(field, $"'{cityId}' is not in the registry");
        }
    }
}
