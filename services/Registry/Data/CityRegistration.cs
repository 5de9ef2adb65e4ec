using Microsoft.EntityFrameworkCore;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Data;

/// <summary>Registers a government abroad: what the registry must be asked first (is the parent
/// registered, is the government there already), then <see cref="City.Register"/> and the write path,
/// with the names it will be found by.</summary>
public sealed class CityRegistration(RegistryDbContext db, AggregateWriter<City> writer, TimeProvider clock)
{
    public const string Action = "register";

    // Compiled once: built from LINQ at each call, this query's expression tree and cache lookup were a
    // tenth of the registry's CPU under writes (profiled).
    private static readonly Func<RegistryDbContext, string, string, CityLevel, string?, CancellationToken, Task<City?>> RegisteredAs =
        EF.CompileAsyncQuery((RegistryDbContext db, string normalizedName, string countryCode, CityLevel level, string? parentId, CancellationToken ct) =>
            db.CityNames.AsNoTracking()
                .Where(n => n.Name == normalizedName)
                .Join(db.Cities, n => n.CityId, c => c.Id, (n, c) => c)
                .FirstOrDefault(c => c.CountryCode == countryCode && c.Level == level && c.ParentId == parentId));

    /// <summary>The new city, or the one an earlier call with the same request id registered.</summary>
    public async Task<City> RegisterAsync(string name, CityLevel level, string countryCode, string? parentId, long? population,
        double? latitude, double? longitude, string? timeZone, IEnumerable<string> alternateNames, Caller caller, string? requestId,
        CancellationToken ct)
    {
        if (await writer.FindCreatedAsync(requestId, caller, ct) is { } earlier)
        {
            return earlier;
        }
        City? parent = null;
        if (!string.IsNullOrEmpty(parentId))
        {
            parent = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct)
                ?? throw new ValidationException("city.parent_id", $"'{parentId}' is not a registered government in {countryCode}");
        }
        var city = City.Register(name, level, countryCode, parent, population, latitude, longitude, timeZone, alternateNames, caller,
            requestId, clock.GetUtcNow());
        await EnsureNotRegisteredAsync(city, ct);
        db.CityNames.AddRange(ReferenceDataLoader.SearchForms(city).Select(f => new CityName { CityId = city.Id, Name = f }));
        await writer.AddAsync(city, caller.Describe(), Action, ct);
        return city;
    }

    /// <summary>One government of a name, level and parent per country.</summary>
    private async Task EnsureNotRegisteredAsync(City city, CancellationToken ct)
    {
        var duplicate = await RegisteredAs(db, NameNormalizer.Normalize(city.Name), city.CountryCode, city.Level, city.ParentId, ct);
        if (duplicate is not null)
        {
            throw new AlreadyExistsException($"{duplicate.Name} ({city.CountryCode}) is already registered as '{duplicate.Id}'.");
        }
    }
}
