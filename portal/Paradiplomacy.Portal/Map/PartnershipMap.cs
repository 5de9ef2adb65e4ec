using Microsoft.Extensions.Caching.Memory;
using Paradiplomacy.Contracts.Agreements.V1;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Portal.Map;

/// <summary>The public map's facts: every partnership in effect (what anonymous callers may see), the countries
/// they reach and where both parties lie. Read from the API as the public reads it and kept a minute, since the
/// map is the portal's most visited page and changes only when an agreement is signed or ends.</summary>
public sealed class PartnershipMap(Agreements.AgreementsClient agreements, CityRegistry.CityRegistryClient registry, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        return (await cache.GetOrCreateAsync("partnership-map", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return await LoadAsync(cancellationToken);
        }))!;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var inEffect = new List<Agreement>();
        var token = string.Empty;
        do
        {
            // Public facts only: the map is for everyone, whoever happens to be signed in.
            var page = await agreements.ListAgreementsAsync(new ListAgreementsRequest { Filter = "status = ACTIVE", PageSize = 100, PageToken = token },
                headers: PublicCall, cancellationToken: cancellationToken);
            inEffect.AddRange(page.Agreements);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        var cityIds = inEffect.SelectMany(a => a.ForeignParties.Select(p => p.CityId).Append(a.IndonesianParty.CityId)).Distinct().ToList();
        var places = new Dictionary<string, City>(StringComparer.Ordinal);
        using var limit = new SemaphoreSlim(8);
        await Task.WhenAll(cityIds.Select(async id =>
        {
            await limit.WaitAsync(cancellationToken);
            try
            {
                var city = await registry.GetCityAsync(new GetCityRequest { Id = id }, headers: PublicCall, cancellationToken: cancellationToken);
                lock (places)
                {
                    places[id] = city;
                }
            }
            catch (Grpc.Core.RpcException error) when (error.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.ResourceExhausted
                or Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
            {
                // A party the registry no longer lists, or could not give now: the partnership still counts, it is only not drawn.
            }
            finally
            {
                limit.Release();
            }
        }));

        // Indonesian provinces carry no coordinates of their own (Kemendagri's list has none): draw one where its
        // cities and regencies are, on average.
        foreach (var province in places.Values.Where(c => c.Location is null && c.CountryCode == "ID").ToList())
        {
            var children = await registry.ListCitiesAsync(new ListCitiesRequest { Filter = $"parent = \"{province.Id}\"", PageSize = 100 },
                headers: PublicCall, cancellationToken: cancellationToken);
            var located = children.Cities.Where(c => c.Location is not null).ToList();
            if (located.Count > 0)
            {
                var drawn = province.Clone();
                drawn.Location = new Google.Type.LatLng { Latitude = located.Average(c => c.Location.Latitude), Longitude = located.Average(c => c.Location.Longitude) };
                places[province.Id] = drawn;
            }
        }

        var links = inEffect.SelectMany(a => a.ForeignParties.Select(p => new Link(a.Id, a.Title, a.IndonesianParty, p))).ToList();
        var byCountry = links.GroupBy(l => l.Partner.CountryCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new Snapshot(links, byCountry, places);
    }

    /// <summary>Calls sent as the public sends them: the token handler adds no token when this header says so.</summary>
    public static readonly Grpc.Core.Metadata PublicCall = new() { { Api.GatewayTokenHandler.AnonymousHeader, "1" } };

    public sealed record Link(string AgreementId, string Title, Party Region, Party Partner);

    public sealed record Snapshot(IReadOnlyList<Link> Links, IReadOnlyDictionary<string, int> PartnershipsByCountry, IReadOnlyDictionary<string, City> Places)
    {
        public (double X, double Y)? Point(string cityId) =>
            Places.TryGetValue(cityId, out var city) && city.Location is { } at ? NaturalEarthProjection.Project(at.Longitude, at.Latitude) : null;
    }
}
