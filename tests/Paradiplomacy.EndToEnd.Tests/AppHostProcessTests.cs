using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Paradiplomacy.Testing;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The AppHost as a user runs it: one process that starts everything under DCP, answers, stops
/// everything on Ctrl+C or SIGTERM, and finds its data again. (Killed with SIGKILL: Paradiplomacy.Reliability.Tests.)</summary>
public class AppHostProcessTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-apphost-{Guid.NewGuid():N}");

    private static string IdentityDll => Path.Combine(Hosting.RepositoryRoot.Find(), "apphost", "Paradiplomacy.Identity", "bin", "Debug", "net10.0", "Paradiplomacy.Identity.dll");

    [Fact]
    public async Task Ctrl_C_and_SIGTERM_stop_every_process_it_started_and_the_next_start_keeps_the_data()
    {
        IReadOnlyList<(int Pid, long Started)> processes;
        await using (var first = await AppHostProcess.StartAsync(_stateDirectory, fresh: true))
        {
            processes = first.Descendants();
            Assert.True(processes.Count >= 10, $"expected DCP, postgres, redis, rabbitmq, epmd, identity, the services and the gateway, got {processes.Count} processes");
            Assert.Contains(first.Output().Split('\n'), line => line.Contains("/login?t=", StringComparison.Ordinal));

            // The offline token command, as a script would use it, signs with the state folder's key.
            var token = await RunAsync(IdentityDll, "token", "--role", "regional-officer", "--region", "35.73", "--state-dir", _stateDirectory, "--issuer", first.IdentityUrl);
            Assert.Equal(0, token.ExitCode);
            using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
            {
                Content = JsonContent.Create(new { profile = new { summary = "Malang, kota pendidikan" }, updateMask = "summary" }),
            };
            request.Headers.Authorization = new("Bearer", token.Output.Trim().Split('\n')[^1].Trim());
            using var response = await first.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            Assert.True(await first.StopAsync("INT", TimeSpan.FromSeconds(90)), $"the AppHost did not stop within 90 s of Ctrl+C:\n{first.LogTail()}");
        }
        await AssertGoneAsync(processes);

        await using (var second = await AppHostProcess.StartAsync(_stateDirectory, fresh: false))
        {
            processes = second.Descendants();
            using var json = JsonDocument.Parse(await second.Gateway.GetStringAsync("/api/v1/cities/idn-35.73"));
            Assert.Equal("Malang, kota pendidikan", json.RootElement.GetProperty("profile").GetProperty("summary").GetString());
            Assert.True(await second.StopAsync("TERM", TimeSpan.FromSeconds(90)), $"the AppHost did not stop within 90 s of SIGTERM:\n{second.LogTail()}");
        }
        await AssertGoneAsync(processes);
    }

    [Fact]
    public async Task The_token_command_refuses_an_officer_without_a_region()
    {
        var (exitCode, output) = await RunAsync(IdentityDll, "token", "--role", "regional-officer", "--state-dir", _stateDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("--region", output, StringComparison.Ordinal);
    }

    private static async Task AssertGoneAsync(IReadOnlyList<(int Pid, long Started)> processes)
    {
        var left = await AppHostProcess.GoneWithinAsync(processes, TimeSpan.FromSeconds(30));
        Assert.True(left.Count == 0, $"still running 30 s after the AppHost stopped:\n{string.Join('\n', left.Select(AppHostProcess.Describe))}");
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
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
