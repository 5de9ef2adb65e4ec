using Paradiplomacy.ServiceDefaults;

namespace Paradiplomacy.Registry.Data;

/// <summary>The registry's reference data (Indonesian regions, subdivisions and places abroad, countries),
/// loaded after the migrations under the start-up lock, before the service answers.</summary>
public sealed class RegistryReferenceSeed(ReferenceDataLoader loader, CountryDirectory countries) : IDatabaseSeed<RegistryDbContext>
{
    public async Task SeedAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        await loader.LoadAsync(cancellationToken);
        await countries.LoadAsync(db, cancellationToken);
    }
}
