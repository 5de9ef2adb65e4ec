using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>A resource that is one long-running process: launched, probed until ready, and
/// relaunched with back-off (1 s doubling to 30 s) if it dies while nobody asked it to stop.</summary>
public abstract class SupervisedResource(string name) : Resource(name)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private ManagedProcess? _process;
    private CancellationTokenSource? _supervision;
    private bool _stopping;

    public override IReadOnlyList<int> Pids => _process is { } p && !p.Exited.IsCompleted ? [p.Pid, .. HelperPids] : [];

    public override DateTimeOffset? StartedAt => _process?.StartedAt;

    protected virtual IReadOnlyList<int> HelperPids => [];

    /// <summary>Signal that asks this server to shut down cleanly.</summary>
    protected virtual int StopSignal => PosixSignals.SigTerm;

    protected virtual TimeSpan ReadyTimeout => TimeSpan.FromSeconds(60);

    protected string PidFile => Path.Combine(Options.StateDirectory, "pids", $"{Name}.pid");

    protected abstract Task<ManagedProcess> LaunchAsync(CancellationToken cancellationToken);

    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>Work after the first successful start (create databases, users...).</summary>
    protected virtual Task AfterReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        _stopping = false;
        await LaunchAndWaitAsync(cancellationToken);
        await AfterReadyAsync(cancellationToken);
        _supervision = new CancellationTokenSource();
        _ = SuperviseAsync(_supervision.Token);
    }

    private async Task LaunchAndWaitAsync(CancellationToken cancellationToken)
    {
        _process = await LaunchAsync(cancellationToken);
        Logs.Add($"[apphost] started {Name} (pid {_process.Pid})", false);
        await WaitUntilAsync(Name, IsReadyAsync, _process.Exited, ReadyTimeout, cancellationToken);
    }

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested && _process is { } process)
        {
            int exitCode;
            try
            {
                exitCode = await process.Exited.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (_stopping)
            {
                return;
            }
            if (DateTimeOffset.UtcNow - process.StartedAt > StableAfter)
            {
                backoff = TimeSpan.FromSeconds(1);
            }
            Restarts++;
            State = ResourceState.Restarting;
            Health = ResourceHealth.Unhealthy;
            Problem = $"exited with code {exitCode}; restarting in {backoff.TotalSeconds:0} s";
            Logs.Add($"[apphost] {Name} {Problem}", true);
            try
            {
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                await LaunchAndWaitAsync(cancellationToken);
                State = ResourceState.Running;
                Health = ResourceHealth.Healthy;
                Problem = null;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                Problem = $"restart failed: {ex.Message}";
                Logs.Add($"[apphost] {Name} {Problem}", true);
            }
        }
    }

    protected override async Task StopCoreAsync()
    {
        _stopping = true;
        if (_supervision is not null)
        {
            await _supervision.CancelAsync();
            _supervision.Dispose();
            _supervision = null;
        }
        if (_process is not null)
        {
            await _process.StopAsync(StopSignal, TimeSpan.FromSeconds(20));
            Logs.Add($"[apphost] stopped {Name}", false);
        }
        await StopHelpersAsync();
    }

    protected virtual Task StopHelpersAsync() => Task.CompletedTask;

    /// <summary>Kills the process without warning, as a crash would (for tests of recovery).</summary>
    public void Crash()
    {
        if (_process is { } p && !p.Exited.IsCompleted)
        {
            PosixSignals.Send(p.Pid, PosixSignals.SigKill);
        }
    }
}
