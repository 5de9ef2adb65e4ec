using System.Globalization;

namespace Paradiplomacy.AppHost.Extensions;

/// <summary>The AppHost's own flags, turned into configuration keys (which is all Aspire reads):
/// --fresh, --state-dir PATH, --dashboard-port N, --gateway-port N, --gateway-grpc-port N,
/// --identity-port N, --replicas SERVICE=N, --queue-type classic|quorum, --infrastructure containers|executables, --no-otlp.
/// Anything else passes through to Aspire unchanged.</summary>
public static class AppHostArguments
{
    public static string[] ToConfiguration(string[] args)
    {
        var result = new List<string>();
        var dashboardPort = 18888;
        if (Environment.GetEnvironmentVariable("PARADIPLOMACY_STATE_DIR") is { Length: > 0 } stateDir)
        {
            result.Add($"--Paradiplomacy:StateDirectory={Path.GetFullPath(stateDir)}");
        }
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--fresh": result.Add("--Paradiplomacy:Fresh=true"); break;
                case "--no-otlp": result.Add("--Paradiplomacy:TelemetryExport=false"); break;
                case "--state-dir": result.Add($"--Paradiplomacy:StateDirectory={Path.GetFullPath(Value())}"); break;
                case "--dashboard-port": dashboardPort = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--gateway-port": result.Add($"--Paradiplomacy:GatewayHttpPort={Value()}"); break;
                case "--gateway-grpc-port": result.Add($"--Paradiplomacy:GatewayGrpcPort={Value()}"); break;
                case "--identity-port": result.Add($"--Paradiplomacy:IdentityPort={Value()}"); break;
                case "--infrastructure": result.Add($"--Paradiplomacy:Infrastructure={Value()}"); break;
                case "--queue-type": result.Add($"--Paradiplomacy:QueueType={Value()}"); break;
                case "--replicas":
                    var (service, count) = Value().Split('=', 2) is [var s, var n] ? (s, n) : throw new ArgumentException("--replicas takes SERVICE=N, e.g. agreements=3.");
                    result.Add($"--Paradiplomacy:Replicas:{service}={count}");
                    break;
                default: result.Add(args[i]); break;
            }
        }
        // The dashboard on loopback over plain HTTP, as on a developer's machine; its login token stays on.
        var dashboard = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{dashboardPort}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{dashboardPort + 1}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{dashboardPort + 2}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPIRE_VERSION_CHECK_DISABLED"] = "true",
        };
        foreach (var (key, value) in dashboard)
        {
            if (Environment.GetEnvironmentVariable(key) is null && !result.Any(a => a.StartsWith($"--{key}=", StringComparison.Ordinal)))
            {
                result.Insert(0, $"--{key}={value}");
            }
        }
        return [.. result];
    }
}
