using Paradiplomacy.Hosting.Supervision;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Paradiplomacy.Hosting.Postgres;

public static class PostgresHostingExtensions
{
    /// <summary>PostgreSQL as Aspire's container, or as the distribution's server on loopback with its
    /// cluster under the state folder. Databases are created once the server answers.</summary>
    public static PlatformPostgres AddPlatformPostgres(this IDistributedApplicationBuilder builder, string name,
        InfrastructureMode mode, StateFolder state)
    {
        if (mode == InfrastructureMode.Containers)
        {
            var container = builder.AddPostgres(name).WithDataVolume();
            return new PlatformPostgres(container, database => container.AddDatabase(database));
        }
        var server = builder.AddLocalPostgres(name, state);
        return new PlatformPostgres(server, database => server.AddLocalDatabase(database));
    }

    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, StateFolder state)
    {
        var binaries = PostgresBinaries();
        var root = state.For(name);
        var dataDirectory = Path.Combine(root, "data");
        var socketDirectory = Path.Combine(root, "run");
        var password = PersistedPassword(root);
        var runAsPostgres = Environment.UserName == "root";
        var postgres = Path.Combine(binaries, "postgres");
        var resource = new LocalPostgresServerResource(name, runAsPostgres ? Programs.Find("setpriv", "util-linux") : postgres, "/", password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (_, ct) =>
        {
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                await InitializeClusterAsync(binaries, root, dataDirectory, password, runAsPostgres, ct);
            }
            Directory.CreateDirectory(socketDirectory);
            if (runAsPostgres)
            {
                await GiveToPostgresAsync(socketDirectory, ct);
            }
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(resource, async (ready, ct) =>
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
            await connection.OpenAsync(ct);
            foreach (var databaseName in resource.Databases.Values)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
                exists.Parameters.AddWithValue("n", databaseName);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
                    await create.ExecuteNonQueryAsync(ct);
                }
            }
            // Aspire carries a container's state to its databases, not an executable's: say it here,
            // once each database exists, so that WaitFor(database) can go on to its health check.
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == resource))
            {
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            }
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => (connectionString ?? throw new InvalidOperationException("Connection string is unavailable")) + ";Database=postgres", name: healthCheck);

        var durable = state.Durable ? "on" : "off";
        return builder.AddResource(resource)
            .WithLoopbackEndpoint(LocalPostgresServerResource.EndpointName)
            .WithArgs(context =>
            {
                if (runAsPostgres)
                {
                    context.Args.Add("--reuid=postgres");
                    context.Args.Add("--regid=postgres");
                    context.Args.Add("--init-groups");
                    context.Args.Add("--");
                    context.Args.Add(postgres);
                }
                foreach (var arg in new[]
                {
                    "-D", dataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={socketDirectory}",
                    "-c", "max_connections=300", "-c", "shared_buffers=128MB", "-c", $"fsync={durable}",
                    "-c", $"synchronous_commit={durable}", "-c", "log_min_messages=warning",
                })
                {
                    context.Args.Add(arg);
                }
                context.Args.Add("-p");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithEnvironment("LC_ALL", "C.UTF-8")
            .WithHealthCheck(healthCheck)
            .WithIconName("DatabaseMultiple")
            .WithRestartOnCrash();
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalDatabase(this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.AddDatabase(name, database.DatabaseName);
        string? connectionString = null;
        server.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"), name: healthCheck);
        return server.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck).WithIconName("Database");
    }

    private static string PostgresBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderDescending().FirstOrDefault()
                ?? throw Programs.Missing("postgres", "postgresql")
            : throw Programs.Missing("postgres", "postgresql");

    /// <summary>The superuser's password, made once per cluster and kept beside it (owner-only).</summary>
    private static string PersistedPassword(string root)
    {
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "password");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllText(file).Trim();
    }

    private static async Task InitializeClusterAsync(string binaries, string root, string dataDirectory, string password, bool runAsPostgres, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        if (runAsPostgres)
        {
            await GiveToPostgresAsync(root, ct);
        }
        string[] initdb = [Path.Combine(binaries, "initdb"), "-D", dataDirectory, "-U", LocalPostgresServerResource.UserName,
            "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"];
        var (exitCode, output) = runAsPostgres
            ? await Programs.RunAsync(Programs.Find("setpriv", "util-linux"), ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. initdb], ct)
            : await Programs.RunAsync(initdb[0], initdb[1..], ct);
        File.Delete(passwordFile);
        if (exitCode != 0)
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw new InvalidOperationException($"initdb failed ({exitCode}): {output}");
        }
    }

    /// <summary>The postgres user must own its folders and reach them through every parent.</summary>
    private static async Task GiveToPostgresAsync(string path, CancellationToken ct)
    {
        for (var dir = new DirectoryInfo(path); dir is not null && dir.FullName != "/"; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
        await Programs.RunAsync("chown", ["-R", "postgres:postgres", path], ct);
    }
}
