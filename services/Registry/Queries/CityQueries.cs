using Microsoft.EntityFrameworkCore;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.Registry.Grpc;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Queries;

/// <summary>The registry's reads: a city (through the cache), lists and searches, partner
/// suggestions; each answer already in the contract's shape, parent names resolved, and without the
/// coordinator's personal contact for anonymous callers (UU PDP 27/2022).</summary>
public sealed class CityQueries(RegistryDbContext db, CitySearch search, CityCache cache, CountryDirectory countries)
{
    public async Task<V1.City> GetAsync(string id, Caller caller, CancellationToken ct)
    {
        if (await cache.GetAsync(id) is not { } proto)
        {
            var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("City", id);
            proto = await ToProtoAsync(city, ct);
            await cache.SetAsync(proto);
        }
        return For(proto, caller);
    }

    /// <summary>A page of cities: found by name when <paramref name="normalizedQuery"/> is given, else listed.</summary>
    public async Task<V1.ListCitiesResponse> ListAsync(string normalizedQuery, CityFilter filter, PageRequest page, Caller caller, CancellationToken ct)
    {
        var ids = normalizedQuery.Length > 0
            ? await search.SearchAsync(normalizedQuery, filter, page.Offset, page.Size + 1, ct)
            : await search.ListAsync(filter, page.Offset, page.Size + 1, ct);
        var pageIds = ids.Take(page.Size).ToList();
        // Each city as GetCity answers it: from the cache, and the ones it lacks in one read that fills it.
        var found = await cache.GetManyAsync(pageIds);
        var missing = pageIds.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var loaded = await db.Cities.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(ct);
            foreach (var proto in await ToProtoAsync(loaded, ct))
            {
                found[proto.Id] = proto;
                await cache.SetAsync(proto);
            }
        }

        var response = new V1.ListCitiesResponse { NextPageToken = page.NextToken(pageIds.Count, ids.Count > page.Size) };
        response.Cities.AddRange(pageIds.Where(found.ContainsKey).Select(id => For(found[id], caller)));
        return response;
    }

    /// <summary>Governments on the other side that resemble the city, best first, each with its reasons.</summary>
    public async Task<V1.SuggestPartnersResponse> SuggestPartnersAsync(string id, string countryCode, int limit, Caller caller, CancellationToken ct)
    {
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("City", id);
        var levels = city.PartnerLevels();
        var others = db.Cities.AsNoTracking().Where(c => levels.Contains(c.Level));
        others = city.IsIndonesian ? others.Where(c => c.CountryCode != City.IndonesiaCode) : others.Where(c => c.CountryCode == City.IndonesiaCode);
        if (countryCode.Length > 0)
        {
            others = others.Where(c => c.CountryCode == countryCode);
        }
        // Candidates: every government that wrote a profile, and the ones closest in size.
        var candidates = await others.Where(c => c.HasProfile).Take(2000).ToListAsync(ct);
        // ...the places the data shows share its character (port cities for a port city),
        var traits = city.Traits().ToList();
        if (traits.Count > 0)
        {
            candidates.AddRange(await others.Where(c => c.ReferenceTraits.Any(t => traits.Contains(t)))
                .OrderByDescending(c => c.Population).Take(1000).ToListAsync(ct));
        }
        if (city.Population is > 0 and var population)
        {
            var low = population / 3;
            var high = population * 3;
            candidates.AddRange(await others.Where(c => c.Population >= low && c.Population <= high)
                .OrderByDescending(c => c.Population).Take(500).ToListAsync(ct));
        }
        // ...and the places near the partners its neighbours already have.
        var ties = await NeighbourTiesAsync(city, ct);
        if (ties.Count > 0)
        {
            var tied = ties.Keys.ToList();
            candidates.AddRange(await others.Where(c => tied.Contains(c.Id) || (c.ParentId != null && tied.Contains(c.ParentId)))
                .OrderByDescending(c => c.Population).Take(500).ToListAsync(ct));
        }
        var ranked = PartnerMatcher.Rank(city, candidates.DistinctBy(c => c.Id), limit, ties);

        var response = new V1.SuggestPartnersResponse();
        var protos = await ToProtoAsync(ranked.Select(r => r.City).ToList(), ct);
        for (var i = 0; i < ranked.Count; i++)
        {
            var suggestion = new V1.PartnerSuggestion { City = For(protos[i], caller), Score = ranked[i].Score };
            suggestion.Reasons.AddRange(ranked[i].Reasons);
            response.Suggestions.Add(suggestion);
        }
        return response;
    }

    /// <summary>Partnerships already recorded around the asking city: its neighbours (itself, its parent and
    /// the parent's other governments) and the places abroad they partner with. A candidate that is one of
    /// those places, or lies in the same subdivision as one, has a tie: "near Kyoto, DIY's partner".</summary>
    private async Task<IReadOnlyDictionary<string, string>> NeighbourTiesAsync(City city, CancellationToken ct)
    {
        var home = city.ParentId ?? city.Id;
        var neighbours = await db.Cities.AsNoTracking()
            .Where(c => (c.Id == city.Id || c.Id == home || c.ParentId == home) && c.CurrentPartnerIds.Count > 0)
            .Select(c => new { c.Name, c.CurrentPartnerIds }).ToListAsync(ct);
        var partnerIds = neighbours.SelectMany(n => n.CurrentPartnerIds).Distinct().ToList();
        if (partnerIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        var partners = await db.Cities.AsNoTracking().Where(c => partnerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var ties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var partner in partners)
        {
            var neighbour = neighbours.First(n => n.CurrentPartnerIds.Contains(partner.Id)).Name;
            var reason = $"{partner.Name} nearby already partners with {neighbour}";
            ties.TryAdd(partner.Id, reason);
            if (partner.ParentId is not null)
            {
                ties.TryAdd(partner.ParentId, reason);
            }
        }
        return ties;
    }

    public async Task<V1.City> ToProtoAsync(City city, CancellationToken ct) => (await ToProtoAsync([city], ct))[0];

    /// <summary>The city as the caller may see it: the coordinator (a person) only to signed-in callers.</summary>
    private static V1.City For(V1.City city, Caller caller)
    {
        if (caller.IsAuthenticated || city.Profile?.Coordinator is null)
        {
            return city;
        }
        var shown = city.Clone();
        shown.Profile.Coordinator = null;
        return shown;
    }

    private async Task<List<V1.City>> ToProtoAsync(IReadOnlyList<City> cities, CancellationToken ct)
    {
        var parentIds = cities.Where(c => c.ParentId is not null).Select(c => c.ParentId!).Distinct().ToList();
        var parentNames = parentIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Cities.AsNoTracking().Where(c => parentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return cities.Select(c => c.ToProto(countries, c.ParentId is not null && parentNames.TryGetValue(c.ParentId, out var n) ? n : null)).ToList();
    }
}
