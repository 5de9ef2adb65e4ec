using Paradiplomacy.Hosting.Infrastructure;
using StackExchange.Redis;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>A Redis server on loopback with an append-only file in the state folder.</summary>
public sealed class RedisResource(string name) : SupervisedResource(name), IResourceWithConnectionString
{
    public int Port { get; private set; }

    public override string Kind => "redis";

    public override IReadOnlyDictionary<string, string> Endpoints =>
        Port == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["tcp"] = $"tcp://127.0.0.1:{Port}" };

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    protected override Task<ManagedProcess> LaunchAsync(CancellationToken cancellationToken)
    {
        var redis = Binaries.Find("redis-server", "apt-get install -y redis-server");
        if (Port == 0)
        {
            Port = Ports.Free();
        }
        var dir = Path.Combine(Options.StateDirectory, Name);
        Directory.CreateDirectory(dir);
        string[] args =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", dir, "--appendonly", Options.Ephemeral ? "no" : "yes", "--save", "", "--daemonize", "no",
            "--protected-mode", "yes", "--loglevel", "warning",
        ];
        return Task.FromResult(ManagedProcess.Start(redis, args, new Dictionary<string, string?>(), Logs, dir, PidFile));
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=1000");
        await connection.GetDatabase().PingAsync();
        return true;
    }

    public override async Task<(bool Healthy, string? Problem)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await IsReadyAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return (false, ex.Message);
        }
    }
}
