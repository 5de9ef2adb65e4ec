using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Paradiplomacy.Registry.Data;

/// <summary>Brings the database to the current schema and loads reference data before the service
/// answers. Replicas starting together take turns on a PostgreSQL advisory lock.</summary>
public sealed class RegistryDatabaseInitializer(
    RegistryDbContext db,
    NpgsqlDataSource dataSource,
    ReferenceDataLoader loader,
    CountryDirectory countries)
{
    private const long LockKey = 0x5265_6769_7374_7279; // "Registry"

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            await loader.LoadAsync(cancellationToken);
            await countries.LoadAsync(db, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
