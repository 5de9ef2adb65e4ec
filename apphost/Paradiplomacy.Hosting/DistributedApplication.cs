using System.Diagnostics;
using System.Runtime.InteropServices;
using Paradiplomacy.Hosting.Dashboard;
using Paradiplomacy.Hosting.Identity;
using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;
using Paradiplomacy.Hosting.Telemetry;

namespace Paradiplomacy.Hosting;

/// <summary>The running system: starts every resource once what it waits for is ready, watches
/// health, serves the dashboard, and stops everything in reverse order. Tests use it as
/// Aspire.Hosting.Testing would.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationOptions _options;
    private readonly DashboardServer _dashboard;
    private readonly CancellationTokenSource _lifetime = new();
    private Task? _healthLoop;
    private bool _started;

    internal DistributedApplication(DistributedApplicationOptions options, IReadOnlyList<Resource> resources)
    {
        _options = options;
        Resources = resources;
        if (options.Fresh && Directory.Exists(options.StateDirectory))
        {
            Directory.Delete(options.StateDirectory, recursive: true);
        }
        Directory.CreateDirectory(options.StateDirectory);
        foreach (var resource in resources)
        {
            resource.Logs.AttachFile(Path.Combine(options.StateDirectory, "logs", $"{resource.Name}.log"));
        }
        Identity = new DevelopmentIdentity(options.StateDirectory, options.DashboardPort);
        _dashboard = new DashboardServer(this, Identity, Telemetry, options.DashboardPort);
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(DistributedApplicationOptions.FromArgs(args));

    public static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new(options);

    public IReadOnlyList<Resource> Resources { get; }

    public DevelopmentIdentity Identity { get; }

    /// <summary>Spans and logs the services send by OTLP to the dashboard.</summary>
    public TelemetryStore Telemetry { get; } = new();

    /// <summary>Metrics the services send by OTLP and the dashboard samples from the servers.</summary>
    public MetricsStore Metrics { get; } = new();

    public string DashboardUrl => _dashboard.Url;

    public T Get<T>(string name) where T : Resource =>
        Resources.OfType<T>().FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No {typeof(T).Name} named '{name}'.");

    /// <summary>Starts everything; returns when every resource is ready, throws if one fails.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        await _dashboard.StartAsync(cancellationToken);
        var starts = Resources.Select(r => r.StartAsync(cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            // The last lines of a failed resource's log usually say why; an operator should not have to go looking.
            var failed = Resources.Where(r => r.State == ResourceState.Failed).Select(r =>
                $"{r.Name}: {r.Problem}\n    " + string.Join("\n    ", r.Logs.Snapshot(0, 5000).TakeLast(8).Select(l => l.Text)));
            throw new InvalidOperationException("The system did not start. " + string.Join("; ", failed));
        }
        _healthLoop = WatchHealthAsync(_lifetime.Token);
    }

    /// <summary>Starts, prints where things are, and runs until Ctrl+C or SIGTERM; then stops all.</summary>
    public async Task<int> RunAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });

        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Paradiplomacy apphost: state in {_options.StateDirectory}; dashboard {DashboardUrl}");
        using var startCancel = new CancellationTokenSource();
        _ = stop.Task.ContinueWith(_ => startCancel.Cancel(), TaskScheduler.Default);
        try
        {
            await StartAsync(startCancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Interrupted during start; stopping…");
            await StopAsync();
            return 130;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine($"Logs are in {Path.Combine(_options.StateDirectory, "logs")}.");
            await StopAsync();
            return 1;
        }
        Console.WriteLine($"All {Resources.Count} resources healthy in {clock.Elapsed.TotalSeconds:0.0} s.");
        foreach (var resource in Resources)
        {
            Console.WriteLine($"  {resource.Name,-12} {resource.Kind,-9} {string.Join("  ", resource.Endpoints.Values)}");
        }
        var gateway = Resources.OfType<ProjectResource>().FirstOrDefault(p => p.Service.Name == "gateway");
        if (gateway is not null)
        {
            Console.WriteLine($"Gateway:   {gateway.HttpUrl} (REST/JSON)  {gateway.GrpcUrl} (gRPC)");
        }
        Console.WriteLine($"Dashboard: {DashboardUrl}");
        Console.WriteLine("Press Ctrl+C to stop.");

        await stop.Task;
        Console.WriteLine("Stopping…");
        await StopAsync();
        Console.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>Stops services first (the gateway before what it calls), then infrastructure.</summary>
    public async Task StopAsync()
    {
        if (!_started)
        {
            return;
        }
        _started = false;
        await _lifetime.CancelAsync();
        // Sampling stops first: nothing of the dashboard's should hold a connection to a server being stopped.
        await _dashboard.StopSamplingAsync();
        foreach (var resource in Resources.Reverse())
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await resource.StopAsync();
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(5))
                {
                    Console.Error.WriteLine($"warning: {resource.Name} took {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s to stop");
                }
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"warning: stopping {resource.Name}: {ex.Message}");
            }
        }
        await _dashboard.DisposeAsync();
    }

    private async Task WatchHealthAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var resource in Resources.Where(r => r.State == ResourceState.Running))
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(3));
                    var (healthy, problem) = await resource.ProbeAsync(timeout.Token);
                    resource.SetHealth(healthy, problem);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _lifetime.Dispose();
        foreach (var resource in Resources)
        {
            resource.Logs.Dispose();
        }
    }
}
