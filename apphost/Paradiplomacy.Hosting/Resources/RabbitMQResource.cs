using System.Security.Cryptography;
using System.Text;
using Paradiplomacy.Hosting.Infrastructure;
using RabbitMQ.Client;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>A RabbitMQ broker from the distribution, on loopback, with its own epmd (so nothing
/// outlives it), node name, HOME, mnesia and log folders in the state folder.</summary>
public sealed class RabbitMQResource(string name) : SupervisedResource(name), IResourceWithConnectionString
{
    private readonly LogBuffer _epmdLogs = new(200);
    private ManagedProcess? _epmd;
    private int _epmdPort;
    private int _distPort;
    private int _managementPort;

    public int Port { get; private set; }

    public override string Kind => "rabbitmq";

    public override IReadOnlyDictionary<string, string> Endpoints =>
        Port == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["amqp"] = $"amqp://127.0.0.1:{Port}", ["management"] = ManagementUrl };

    /// <summary>The management plugin's HTTP API (queues, depths, rates), which the dashboard reads.</summary>
    public string ManagementUrl => $"http://127.0.0.1:{_managementPort}";

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    protected override IReadOnlyList<int> HelperPids => _epmd is { } e && !e.Exited.IsCompleted ? [e.Pid] : [];

    protected override TimeSpan ReadyTimeout => TimeSpan.FromSeconds(90);

    /// <summary>One node name per state folder, so two apphosts (a developer's and a test run) never collide.</summary>
    private string NodeName => $"pd{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Options.StateDirectory)))[..10].ToLowerInvariant()}@localhost";

    protected override async Task<ManagedProcess> LaunchAsync(CancellationToken cancellationToken)
    {
        var server = Binaries.Find("rabbitmq-server", "apt-get install -y rabbitmq-server", "/usr/lib/rabbitmq/bin");
        var epmd = Binaries.Find("epmd", "apt-get install -y rabbitmq-server", "/usr/lib/erlang/bin");
        if (Port == 0)
        {
            Port = Ports.Free();
            _distPort = Ports.Free();
            _epmdPort = Ports.Free();
            _managementPort = Ports.Free();
        }
        var root = Path.Combine(Options.StateDirectory, Name);
        var home = Path.Combine(root, "home");
        foreach (var dir in new[] { home, Path.Combine(root, "mnesia"), Path.Combine(root, "log") })
        {
            Directory.CreateDirectory(dir);
        }
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"),
            $"loopback_users.guest = true\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {_managementPort}\n", cancellationToken);

        if (_epmd is null || _epmd.Exited.IsCompleted)
        {
            _epmd = ManagedProcess.Start(epmd, ["-port", _epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-address", "127.0.0.1"],
                new Dictionary<string, string?>(), _epmdLogs, root, Path.Combine(Options.StateDirectory, "pids", $"{Name}-epmd.pid"));
        }
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = _distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
        };
        return ManagedProcess.Start(server, [], environment, Logs, root, PidFile);
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }

    public override async Task<(bool Healthy, string? Problem)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await IsReadyAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (false, ex.Message);
        }
    }

    protected override async Task StopHelpersAsync()
    {
        if (_epmd is not null)
        {
            await _epmd.StopAsync(PosixSignals.SigTerm, TimeSpan.FromSeconds(5));
            _epmd = null;
        }
    }
}
