using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Paradiplomacy.Testing;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The AppHost as a user runs it: one process that starts everything under DCP, answers, stops
/// everything on Ctrl+C or SIGTERM, leaves nothing behind when it is killed, and finds its data again.</summary>
public class AppHostProcessTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-apphost-{Guid.NewGuid():N}");
    private readonly int _dashboardPort = FreePort.Next();
    private readonly int _otlpPort = FreePort.Next();
    private readonly int _resourceServicePort = FreePort.Next();
    private readonly int _identityPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private readonly int _gatewayGrpcPort = FreePort.Next();
    private readonly List<int> _started = [];
    private StringBuilder _output = new();

    private static string RepositoryRoot => Hosting.RepositoryRoot.Find();

    private static string AppHostDll => Path.Combine(RepositoryRoot, "apphost", "Paradiplomacy.AppHost", "bin", "Debug", "net10.0", "Paradiplomacy.AppHost.dll");

    private static string IdentityDll => Path.Combine(RepositoryRoot, "apphost", "Paradiplomacy.Identity", "bin", "Debug", "net10.0", "Paradiplomacy.Identity.dll");

    [Fact]
    public async Task Ctrl_C_and_SIGTERM_stop_every_process_it_started_and_the_next_start_keeps_the_data()
    {
        List<int> pids;
        using (var first = await StartAsync("--fresh"))
        {
            pids = SystemProcesses(first.Id);
            Assert.True(pids.Count >= 10, $"expected DCP, postgres, redis, rabbitmq, epmd, identity, registry, agreements and gateway, got {pids.Count} pids");
            var login = Output().Split('\n').FirstOrDefault(l => l.Contains("/login?t=", StringComparison.Ordinal));
            Assert.True(login is not null, "the AppHost prints the dashboard's login URL");

            var token = await RunAsync(IdentityDll, "token", "--role", "regional-officer", "--region", "35.73", "--state-dir", _stateDirectory,
                "--issuer", $"http://127.0.0.1:{_identityPort}");
            Assert.Equal(0, token.ExitCode);
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayPort}") };
            using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
            {
                Content = JsonContent.Create(new { profile = new { summary = "Malang, kota pendidikan" }, updateMask = "summary" }),
            };
            request.Headers.Authorization = new("Bearer", token.Output.Trim().Split('\n')[^1].Trim());
            using var response = await gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await StopAsync(first, "INT");
        }
        await AssertAllGoneAsync(pids, TimeSpan.FromSeconds(30));

        using (var second = await StartAsync())
        {
            pids = SystemProcesses(second.Id);
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayPort}") };
            using var json = JsonDocument.Parse(await gateway.GetStringAsync("/api/v1/cities/idn-35.73"));
            Assert.Equal("Malang, kota pendidikan", json.RootElement.GetProperty("profile").GetProperty("summary").GetString());
            await StopAsync(second, "TERM");
        }
        await AssertAllGoneAsync(pids, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SIGKILL_of_the_apphost_leaves_nothing_of_the_system_running()
    {
        using var apphost = await StartAsync("--fresh");
        var pids = SystemProcesses(apphost.Id);

        apphost.Kill();

        // DCP watches the AppHost (--monitor) and takes down everything it started.
        await AssertAllGoneAsync(pids, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_token_command_refuses_an_officer_without_a_region()
    {
        var (exitCode, output) = await RunAsync(IdentityDll, "token", "--role", "regional-officer", "--state-dir", _stateDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("--region", output, StringComparison.Ordinal);
    }

    private string[] CommonArgs =>
    [
        "--state-dir", _stateDirectory,
        "--dashboard-port", _dashboardPort.ToString(CultureInfo.InvariantCulture),
        "--identity-port", _identityPort.ToString(CultureInfo.InvariantCulture),
        "--gateway-port", _gatewayPort.ToString(CultureInfo.InvariantCulture),
        "--gateway-grpc-port", _gatewayGrpcPort.ToString(CultureInfo.InvariantCulture),
    ];

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>Starts the AppHost and returns once the gateway says every service behind it is healthy.</summary>
    private async Task<Process> StartAsync(params string[] extra)
    {
        // A suite started as a background job inherits SIGINT as ignored, and .NET then never delivers
        // it: the AppHost gets SIGINT restored to its default, as a terminal gives it.
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(AppHostDll);
        foreach (var arg in CommonArgs.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{_otlpPort}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{_resourceServicePort}";
        var process = Process.Start(info)!;
        _started.Add(process.Id);
        var output = _output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{_gatewayPort}/health");
                if (health.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not up yet.
            }
            await Task.Delay(500);
        }
        Assert.Fail($"the apphost did not come up:\n{Output()[^Math.Min(Output().Length, 6000)..]}");
        return process;
    }

    private async Task StopAsync(Process process, string signal)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var exited = process.WaitForExitAsync();
        Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) == exited,
            $"the apphost did not stop within 90 s of SIG{signal}:\n{Output()}");
    }

    /// <summary>The AppHost's processes and DCP's: DCP detaches, but names the AppHost it watches (--monitor PID).</summary>
    private static List<int> SystemProcesses(int appHostPid)
    {
        var all = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture)).ToList();
        var roots = all.Where(pid => CommandLine(pid).Contains($"--monitor {appHostPid} ", StringComparison.Ordinal)).Append(appHostPid).ToList();
        var parents = all.ToDictionary(pid => pid, ParentOf);
        return all.Where(pid => roots.Any(root => IsDescendant(pid, root, parents))).ToList();
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var current = pid; current > 1; current = parents.GetValueOrDefault(current))
        {
            if (current == root)
            {
                return true;
            }
        }
        return false;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private async Task AssertAllGoneAsync(List<int> pids, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        var left = pids.Where(IsAlive).Select(pid => $"{pid} {CommandLine(pid)}").ToList();
        Assert.True(left.Count == 0, $"still running after {within.TotalSeconds} s:\n{string.Join('\n', left)}\n{Output()[^Math.Min(Output().Length, 3000)..]}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        // An AppHost a failed test left running takes its servers with it, before their folders go.
        foreach (var pid in _started.Where(IsAlive))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Gone in the meantime.
            }
        }
        Thread.Sleep(TimeSpan.FromSeconds(5)); // DCP's monitor stops the servers within seconds.
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
