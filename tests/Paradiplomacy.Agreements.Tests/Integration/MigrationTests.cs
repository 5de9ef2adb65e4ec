using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.ServiceDefaults;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>Replicas starting together on an empty database: the shared start-up migration lets one
/// migrate while the others wait, and then finds nothing left to do.</summary>
[Collection(AgreementsCollection.Name)]
public class MigrationTests(AgreementsFixture fixture)
{
    [Fact]
    public async Task Four_replicas_migrating_one_empty_database_at_once_all_start_and_apply_each_migration_once()
    {
        var server = new NpgsqlConnectionStringBuilder(await fixture.Infrastructure.ConnectionStringAsync("agreements-db")) { Database = "postgres" };
        var database = $"agreements_race_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

        var replicas = Enumerable.Range(0, 4).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddSingleton(NpgsqlDataSource.Create(connectionString));
            services.AddDbContext<AgreementsDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()).UseSnakeCaseNamingConvention());
            return services.BuildServiceProvider();
        }).ToList();
        await Task.WhenAll(replicas.Select(sp => Task.Run(async () =>
        {
            using var scope = sp.CreateScope();
            await MigrationExtensions.MigrateAsync<AgreementsDbContext>(scope.ServiceProvider, CancellationToken.None);
        })));

        using var check = replicas[0].CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AgreementsDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }
}
