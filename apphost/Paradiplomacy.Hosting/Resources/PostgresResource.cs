using System.Diagnostics;
using Npgsql;
using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>A PostgreSQL server from the distribution's binaries, on loopback, its cluster in the
/// state folder. As root it runs as the postgres user, which PostgreSQL insists on.</summary>
public sealed class PostgresResource(string name) : SupervisedResource(name)
{
    private const string Password = "paradiplomacy";

    private readonly List<PostgresDatabaseResource> _databases = [];

    public int Port { get; private set; }

    public override string Kind => "postgres";

    public override IReadOnlyDictionary<string, string> Endpoints =>
        Port == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["tcp"] = $"tcp://127.0.0.1:{Port}" };

    protected override int StopSignal => PosixSignals.SigInt; // "fast" shutdown: rolls back open transactions, checkpoints

    private string DataDirectory => Path.Combine(Options.StateDirectory, Name, "data");

    private string SocketDirectory => Path.Combine(Options.StateDirectory, Name, "run");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Password = Password, Database = database,
            MaxPoolSize = 50, Timeout = 5,
        }.ConnectionString;

    public PostgresDatabaseResource AddDatabase(string databaseName)
    {
        var database = new PostgresDatabaseResource(databaseName, this);
        _databases.Add(database);
        return database;
    }

    protected override async Task<ManagedProcess> LaunchAsync(CancellationToken cancellationToken)
    {
        var postgres = Binaries.PostgresBin("postgres");
        if (Port == 0)
        {
            Port = Ports.Free();
        }
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeClusterAsync(cancellationToken);
        }
        Directory.CreateDirectory(SocketDirectory);
        ChownToPostgres(SocketDirectory);
        string[] args =
        [
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", "max_connections=300", "-c", "shared_buffers=128MB",
            "-c", $"fsync={(Options.Ephemeral ? "off" : "on")}", "-c", $"synchronous_commit={(Options.Ephemeral ? "off" : "on")}",
            "-c", "log_min_messages=warning",
        ];
        return StartAsPostgres(postgres, args, PidFile);
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        return true;
    }

    public override async Task<(bool Healthy, string? Problem)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await IsReadyAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return (false, ex.Message);
        }
    }

    protected override async Task AfterReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        foreach (var database in _databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", database.Name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
                Logs.Add($"[apphost] created database {database.Name}", false);
            }
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        var initdb = Binaries.PostgresBin("initdb");
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = Path.Combine(Options.StateDirectory, Name, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
        ChownToPostgres(Path.Combine(Options.StateDirectory, Name));
        await using var process = StartAsPostgres(initdb,
            ["-D", DataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"],
            pidFile: null);
        var exitCode = await process.Exited.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        File.Delete(passwordFile);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {exitCode}: {string.Join(" | ", Logs.Snapshot().TakeLast(5).Select(l => l.Text))}");
        }
    }

    private ManagedProcess StartAsPostgres(string binary, string[] args, string? pidFile)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8" };
        if (!PosixSignals.IsRoot)
        {
            return ManagedProcess.Start(binary, args, environment, Logs, pidFile: pidFile);
        }
        // setpriv execs in place, so the pid we hold is PostgreSQL's own.
        var setpriv = Binaries.Find("setpriv", "apt-get install -y util-linux");
        return ManagedProcess.Start(setpriv, ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", binary, .. args],
            environment, Logs, workingDirectory: "/", pidFile: pidFile);
    }

    private void ChownToPostgres(string path)
    {
        if (!PosixSignals.IsRoot)
        {
            return;
        }
        // The postgres user must reach its folder through every parent.
        for (var dir = new DirectoryInfo(Options.StateDirectory); dir is not null && dir.FullName != "/"; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
        using var chown = Process.Start("chown", ["-R", "postgres:postgres", path]);
        chown.WaitForExit();
    }
}
