namespace Paradiplomacy.Hosting;

/// <summary>Where state lives and which well-known ports to use. Command line: --fresh,
/// --state-dir PATH, --dashboard-port N, --gateway-port N, --gateway-grpc-port N, --no-otlp;
/// environment: PARADIPLOMACY_STATE_DIR.</summary>
public sealed class DistributedApplicationOptions
{
    public string StateDirectory { get; set; } = Path.Combine(RepositoryRoot.Find(), ".state");

    /// <summary>Wipe the state folder before starting.</summary>
    public bool Fresh { get; set; }

    public int DashboardPort { get; set; } = 18888;

    /// <summary>The gateway's REST/JSON port (HTTP/1.1).</summary>
    public int GatewayHttpPort { get; set; } = 8080;

    /// <summary>The gateway's gRPC port (HTTP/2 cleartext).</summary>
    public int GatewayGrpcPort { get; set; } = 8081;

    /// <summary>Trade durability for speed (tests on throw-away state): no fsync in PostgreSQL.</summary>
    public bool Ephemeral { get; set; }

    /// <summary>Services send traces, logs and metrics to the dashboard by OTLP. Off only to measure
    /// what that costs them (bench/run.sh).</summary>
    public bool TelemetryExport { get; set; } = true;

    public string RepositoryRootDirectory { get; set; } = RepositoryRoot.Find();

    /// <summary>Build configuration of the service binaries to run.</summary>
    public string Configuration { get; set; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static DistributedApplicationOptions FromArgs(string[] args)
    {
        var options = new DistributedApplicationOptions();
        var stateDir = Environment.GetEnvironmentVariable("PARADIPLOMACY_STATE_DIR");
        if (!string.IsNullOrEmpty(stateDir))
        {
            options.StateDirectory = Path.GetFullPath(stateDir);
        }
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--fresh":
                    options.Fresh = true;
                    break;
                case "--state-dir" when i + 1 < args.Length:
                    options.StateDirectory = Path.GetFullPath(args[++i]);
                    break;
                case "--dashboard-port" when i + 1 < args.Length:
                    options.DashboardPort = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--gateway-port" when i + 1 < args.Length:
                    options.GatewayHttpPort = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--gateway-grpc-port" when i + 1 < args.Length:
                    options.GatewayGrpcPort = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--no-otlp":
                    options.TelemetryExport = false;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Options: --fresh, --state-dir PATH, --dashboard-port N, --gateway-port N, --gateway-grpc-port N, --no-otlp.");
            }
        }
        return options;
    }
}
