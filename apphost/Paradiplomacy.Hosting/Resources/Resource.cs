using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>Anything the apphost runs: infrastructure or a service. It starts once everything it
/// waits for is ready, reports ready only after a real probe, and says how it is doing.</summary>
public abstract class Resource(string name)
{
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public abstract string Kind { get; }

    public ResourceState State { get; protected set; } = ResourceState.NotStarted;

    public ResourceHealth Health { get; protected set; } = ResourceHealth.Unknown;

    /// <summary>Why the resource is unhealthy or failed, when it is.</summary>
    public string? Problem { get; protected set; }

    public int Restarts { get; protected set; }

    public List<Resource> WaitsFor { get; } = [];

    public LogBuffer Logs { get; } = new();

    public Task Ready => _ready.Task;

    public abstract IReadOnlyDictionary<string, string> Endpoints { get; }

    public abstract IReadOnlyList<int> Pids { get; }

    public abstract DateTimeOffset? StartedAt { get; }

    internal DistributedApplicationOptions Options { get; set; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Waiting;
        try
        {
            await Task.WhenAll(WaitsFor.Select(r => r.Ready)).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail($"a dependency failed: {ex.Message}");
            throw;
        }
        State = ResourceState.Starting;
        try
        {
            await StartCoreAsync(cancellationToken);
            State = ResourceState.Running;
            Health = ResourceHealth.Healthy;
            Problem = null;
            _ready.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(ex.Message);
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (State is ResourceState.NotStarted or ResourceState.Stopped)
        {
            return;
        }
        State = ResourceState.Stopping;
        await StopCoreAsync();
        State = ResourceState.Stopped;
        Health = ResourceHealth.Unknown;
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Stops and starts again, keeping its data and ports (a test stopping the broker, an operator's restart).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        await StartAsync(cancellationToken);
    }

    protected abstract Task StartCoreAsync(CancellationToken cancellationToken);

    protected abstract Task StopCoreAsync();

    /// <summary>Checks health while running; the default trusts the process being alive.</summary>
    public virtual Task<(bool Healthy, string? Problem)> ProbeAsync(CancellationToken cancellationToken) =>
        Task.FromResult<(bool, string?)>((true, null));

    internal void SetHealth(bool healthy, string? problem)
    {
        if (State != ResourceState.Running)
        {
            return;
        }
        Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
        Problem = problem;
    }

    protected void Fail(string problem)
    {
        State = ResourceState.Failed;
        Health = ResourceHealth.Unhealthy;
        Problem = problem;
        Logs.Add($"[apphost] {Name} failed: {problem}", true);
        _ready.TrySetException(new InvalidOperationException($"{Name} failed: {problem}"));
    }

    /// <summary>Polls <paramref name="probe"/> until it succeeds, the process exits or time runs out.</summary>
    protected static async Task WaitUntilAsync(string what, Func<CancellationToken, Task<bool>> probe, Task processExited,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? lastError = null;
        while (true)
        {
            if (processExited.IsCompleted)
            {
                throw new InvalidOperationException($"{what} exited during start-up; see its log");
            }
            try
            {
                if (await probe(deadline.Token))
                {
                    return;
                }
            }
            catch (Exception ex) when (!deadline.IsCancellationRequested)
            {
                lastError = ex.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} was not ready within {timeout.TotalSeconds:0} s{(lastError is null ? string.Empty : $" (last error: {lastError})")}");
            }
            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} was not ready within {timeout.TotalSeconds:0} s{(lastError is null ? string.Empty : $" (last error: {lastError})")}");
            }
        }
    }
}
