using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paradiplomacy.HostDefaults;

namespace Paradiplomacy.ServiceDefaults;

/// <summary>The one start-up step that brings a service's database to its schema (and seeds it) before
/// the service answers, as eShop's AddMigration does. Replicas starting together take turns on a
/// PostgreSQL advisory lock named after the DbContext, so two never run the same migration at once.</summary>
public static class MigrationExtensions
{
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        using var scope = app.Services.CreateScope();
        await MigrateAsync<TContext>(scope.ServiceProvider, app.Lifetime.ApplicationStopping);
    }

    public static async Task MigrateAsync<TContext>(IServiceProvider services, CancellationToken cancellationToken) where TContext : DbContext
    {
        using var activity = Telemetry.ActivitySource.StartActivity($"migrate {typeof(TContext).Name}");
        var db = services.GetRequiredService<TContext>();
        var lockKey = LockKey<TContext>();
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", lockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            activity?.SetTag("db.migrations.pending", pending);
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var seed in services.GetServices<IDatabaseSeed<TContext>>())
            {
                await seed.SeedAsync(db, cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", lockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>A stable 64-bit key per DbContext type (string.GetHashCode changes between processes).</summary>
    private static long LockKey<TContext>() =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(typeof(TContext).FullName!)), 0);
}
