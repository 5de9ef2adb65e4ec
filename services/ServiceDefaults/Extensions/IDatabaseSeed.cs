using Microsoft.EntityFrameworkCore;

namespace Paradiplomacy.ServiceDefaults;

/// <summary>Data a service's database must hold before the service answers (reference data), loaded
/// right after the migrations, under the same lock.</summary>
public interface IDatabaseSeed<in TContext> where TContext : DbContext
{
    Task SeedAsync(TContext db, CancellationToken cancellationToken);
}
