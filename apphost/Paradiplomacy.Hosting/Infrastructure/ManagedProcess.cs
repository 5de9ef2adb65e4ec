using System.Diagnostics;

namespace Paradiplomacy.Hosting.Infrastructure;

/// <summary>One child process: started with its environment, its output kept in a log buffer,
/// stopped with a signal it understands and killed only if it does not listen. Its pid is written
/// to a file so that a later run can clean up after an apphost that was itself killed.</summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _pidFile;

    private ManagedProcess(Process process, string? pidFile)
    {
        _process = process;
        _pidFile = pidFile;
    }

    public int Pid => _process.Id;

    public Task<int> Exited => _exited.Task;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public static ManagedProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        LogBuffer logs, string? workingDirectory = null, string? pidFile = null)
    {
        if (pidFile is not null)
        {
            KillLeftover(pidFile);
        }
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, pidFile);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logs.Add(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logs.Add(e.Data, true); };
        process.Exited += (_, _) =>
        {
            // Let the output pumps drain before announcing the exit.
            process.WaitForExit();
            managed._exited.TrySetResult(process.ExitCode);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (pidFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(pidFile)!);
            // The second line lets a later run tell our process from an unrelated one that reused the pid.
            File.WriteAllText(pidFile, $"{process.Id}\n{Marker(info)}");
        }
        return managed;
    }

    /// <summary>Sends <paramref name="signal"/>, waits, then kills the whole tree.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!_exited.Task.IsCompleted)
        {
            PosixSignals.Send(_process.Id, signal);
            var finished = await Task.WhenAny(_exited.Task, Task.Delay(grace));
            if (finished != _exited.Task)
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited in the meantime.
                }
                await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            }
        }
        if (_pidFile is not null)
        {
            File.Delete(_pidFile);
        }
    }

    /// <summary>A previous apphost that was killed outright leaves its children; end them before
    /// they hold the ports and data directories this run needs.</summary>
    private static void KillLeftover(string pidFile)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 2 || !int.TryParse(lines[0], out var pid) || !PosixSignals.IsAlive(pid))
        {
            return;
        }
        var commandLine = File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ') : string.Empty;
        if (!commandLine.Contains(lines[1], StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            using var leftover = Process.GetProcessById(pid);
            leftover.Kill(entireProcessTree: true);
            leftover.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Marker(ProcessStartInfo info) =>
        info.ArgumentList.LastOrDefault(a => a.Contains('/', StringComparison.Ordinal)) ?? Path.GetFileName(info.FileName);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(PosixSignals.SigKill, TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
