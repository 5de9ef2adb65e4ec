using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The apphost as a user runs it: a process that starts everything, answers, stops
/// everything it started on Ctrl+C, and finds its data again on the next start.</summary>
public class AppHostProcessTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-apphost-{Guid.NewGuid():N}");
    private readonly int _dashboardPort = Ports.Free();
    private StringBuilder _output = new();
    private readonly List<int> _started = [];
    private readonly int _gatewayPort = Ports.Free();
    private readonly int _gatewayGrpcPort = Ports.Free();

    private static string AppHostDll => Path.Combine(AppContext.BaseDirectory, "Paradiplomacy.AppHost.dll");

    [Fact]
    public async Task Ctrl_C_stops_every_process_it_started_and_the_next_start_keeps_the_data()
    {
        var pids = new List<int>();
        using (var first = await StartAsync("--fresh"))
        {
            pids.AddRange(await ResourcePidsAsync());
            Assert.True(pids.Count >= 6, $"expected postgres, redis, rabbitmq (+epmd), registry and gateway, got {pids.Count} pids");

            var token = await RunTokenCommandAsync("--role", "regional-officer", "--region", "35.73");
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayPort}") };
            using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
            {
                Content = JsonContent.Create(new { profile = new { summary = "Malang, kota pendidikan" }, updateMask = "summary" }),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await InterruptAsync(first);
        }
        Assert.All(pids, pid => Assert.False(PosixSignals.IsAlive(pid), $"process {pid} outlived the apphost"));

        using (var second = await StartAsync())
        {
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_gatewayPort}") };
            using var json = JsonDocument.Parse(await gateway.GetStringAsync("/api/v1/cities/idn-35.73"));
            Assert.Equal("Malang, kota pendidikan", json.RootElement.GetProperty("profile").GetProperty("summary").GetString());
            await InterruptAsync(second);
        }
    }

    [Fact]
    public async Task The_token_command_refuses_an_officer_without_a_region()
    {
        var (exitCode, output) = await RunAppHostAsync("token", "--role", "regional-officer", "--state-dir", _stateDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("--region", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_server_binary_says_what_to_install()
    {
        var error = Assert.Throws<MissingBinaryException>(() => Binaries.Find("no-such-server", "apt-get install -y no-such-server"));

        Assert.Equal("no-such-server was not found: install it with `apt-get install -y no-such-server` (or run ./run.sh, which does).", error.Message);
    }

    private string[] CommonArgs =>
    [
        "--state-dir", _stateDirectory, "--dashboard-port", _dashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--gateway-port", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--gateway-grpc-port", _gatewayGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    private async Task<Process> StartAsync(params string[] extra)
    {
        // A suite started as a background job inherits SIGINT as ignored, and .NET then (rightly, as
        // shells expect) never delivers it: the apphost is started with SIGINT restored to its
        // default, as a terminal would give it, because Ctrl+C is what this test is about.
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(AppHostDll);
        foreach (var arg in CommonArgs.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        _started.Add(process.Id);
        var output = _output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains("Press Ctrl+C", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == ready.Task, $"the apphost did not come up:\n{output}");
        return process;
    }

    private async Task InterruptAsync(Process process)
    {
        PosixSignals.Send(process.Id, PosixSignals.SigInt);
        var exited = process.WaitForExitAsync();
        Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) == exited,
            $"the apphost did not stop within 90 s of Ctrl+C:\n{_output}");
        Assert.Equal(0, process.ExitCode);
    }

    private async Task<List<int>> ResourcePidsAsync()
    {
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{_dashboardPort}/api/resources"));
        return json.RootElement.EnumerateArray().SelectMany(r => r.GetProperty("pids").EnumerateArray().Select(p => p.GetInt32())).ToList();
    }

    private async Task<string> RunTokenCommandAsync(params string[] args)
    {
        var (exitCode, output) = await RunAppHostAsync(["token", .. args, "--state-dir", _stateDirectory, "--dashboard-port",
            _dashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(0, exitCode);
        return output.Trim().Split('\n')[^1].Trim();
    }

    private static async Task<(int ExitCode, string Output)> RunAppHostAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AppHostDll);
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
        // An apphost a failed test left running takes its servers with it, before their folders go.
        foreach (var pid in _started.Where(PosixSignals.IsAlive))
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
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
