using System.Diagnostics;
using System.Globalization;
using Paradiplomacy.Hosting.Operations;

namespace Paradiplomacy.Testing;

/// <summary>The AppHost as an operator runs it: its own process (./run.sh's), on a state folder of its own and
/// free ports, so that a test can kill it as a crash would and start it again on the same state.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _identity;

    private AppHostProcess(Process process, string stateDirectory, int gatewayPort, int identityPort, string log)
    {
        _process = process;
        StateDirectory = stateDirectory;
        Log = log;
        IdentityUrl = $"http://127.0.0.1:{identityPort}";
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(30) };
        _identity = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{identityPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string StateDirectory { get; }

    public HttpClient Gateway { get; }

    public int Pid => _process.Id;

    public string IdentityUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Where the AppHost's own console output goes.</summary>
    public string Log { get; }

    public SystemResources Resources => SystemResources.Read(StateDirectory);

    /// <summary>Starts the built AppHost (with <paramref name="fresh"/>, on an emptied state folder) and waits until the
    /// gateway, which is ready only once every service is, answers its health check.</summary>
    public static async Task<AppHostProcess> StartAsync(string stateDirectory, bool fresh, params string[] extra)
    {
        Directory.CreateDirectory(stateDirectory);
        int gatewayPort = FreePort.Next(), identityPort = FreePort.Next();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = Hosting.RepositoryRoot.Find();
        // A suite started as a background job inherits SIGINT as ignored, and .NET then never delivers it: the
        // AppHost gets SIGINT restored to its default, as a terminal gives it, so that Ctrl+C can be tested.
        var info = new ProcessStartInfo("python3")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Path.Combine(root, "apphost", "Paradiplomacy.AppHost", "bin", configuration, "net10.0", "Paradiplomacy.AppHost.dll"));
        foreach (var argument in (string[])[ .. extra,
                     .. fresh ? ["--fresh"] : Array.Empty<string>(), "--state-dir", stateDirectory, "--Paradiplomacy:Durable=false",
                     "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--gateway-grpc-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
                     "--identity-port", identityPort.ToString(CultureInfo.InvariantCulture), "--dashboard-port", FreePort.Block(3).ToString(CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(argument);
        }
        // What the in-process test hosts of this run set for the services they run must not reach this AppHost.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("services__", StringComparison.Ordinal)
                     || k.StartsWith("Identity__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("ASPIRE_", StringComparison.Ordinal)
                     || k.StartsWith("DOTNET_DASHBOARD", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }
        var log = Path.Combine(Path.GetTempPath(), $"apphost-{Guid.NewGuid().ToString("N")[..8]}.log");
        var process = Process.Start(info)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new AppHostProcess(process, stateDirectory, gatewayPort, identityPort, log);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited ({process.ExitCode}): {host.LogTail()}");
            }
            try
            {
                using var health = await host.Gateway.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The gateway was not healthy within 5 minutes: {host.LogTail()}");
            }
            await Task.Delay(1000);
        }
    }

    public string Token(string role, string? region = null) => DevelopmentTokens.Request(_identity, role, region);

    /// <summary>What the AppHost printed so far.</summary>
    public string Output() => File.Exists(Log) ? ReadShared(Log) : string.Empty;

    public string LogTail() => string.Join("\n", Output().Split('\n').TakeLast(30));

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Every process of the system: those beneath the AppHost and beneath its DCP (which detaches, watching
    /// the AppHost's pid: `dcp start-apiserver --monitor PID --detach`), so the servers and services DCP started. Each
    /// with its start time, so that a pid the kernel gives out again later is not mistaken for one of them.</summary>
    public IReadOnlyList<(int Pid, long Started)> Descendants()
    {
        var parents = new Dictionary<int, int>();
        var started = new Dictionary<int, long>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
                started[pid] = stat.Started;
            }
        }
        var monitor = $"--monitor\0{Pid}\0";
        var dcp = parents.Keys.Where(pid => CommandLine(pid).Contains(monitor, StringComparison.Ordinal)).ToList();
        var found = dcp.ToDictionary(pid => pid, pid => started[pid]);
        var frontier = new Queue<int>([Pid, .. dcp]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                if (found.TryAdd(child, started[child]))
                {
                    frontier.Enqueue(child);
                }
            }
        }
        return found.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>Which of <paramref name="processes"/> still run.</summary>
    public static IReadOnlyList<int> StillRunning(IEnumerable<(int Pid, long Started)> processes) =>
        processes.Where(p => Stat(p.Pid) is { } stat && stat.Started == p.Started && stat.State != 'Z').Select(p => p.Pid).ToList();

    /// <summary>SIGKILL, as the kernel's OOM killer or a power cut of the AppHost alone would end it.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Sends the signal (INT as Ctrl+C, TERM as systemd) and returns whether the AppHost exited within <paramref name="within"/>.</summary>
    public async Task<bool> StopAsync(string signal, TimeSpan within)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", Pid.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }
        using var stopping = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(stopping.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until none of <paramref name="processes"/> runs; those still running after <paramref name="within"/>.</summary>
    public static async Task<IReadOnlyList<int>> GoneWithinAsync(IReadOnlyList<(int Pid, long Started)> processes, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        IReadOnlyList<int> left;
        while ((left = StillRunning(processes)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        return left;
    }

    /// <summary>A process's pid and command line, for a message.</summary>
    public static string Describe(int pid) => $"{pid} {string.Concat(CommandLine(pid).Replace('\0', ' ').Take(160))}";

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        _identity.Dispose();
        // SIGTERM: the AppHost stops everything it started.
        if (!_process.HasExited && !await StopAsync("TERM", TimeSpan.FromMinutes(1)))
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    /// <summary>The process's arguments, NUL-separated as the kernel keeps them.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static (int Parent, long Started, char State)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command, which is in parentheses and may itself contain spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), fields[0][0]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
