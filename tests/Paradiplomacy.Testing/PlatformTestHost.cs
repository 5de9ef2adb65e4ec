using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradiplomacy.Identity;

namespace Paradiplomacy.Testing;

/// <summary>The AppHost itself, started by Aspire.Hosting.Testing on a throw-away state folder and free
/// ports, optionally without some resources (a service the test runs in-process instead).</summary>
public sealed class PlatformTestHost : IAsyncDisposable
{
    private PlatformTestHost(DistributedApplication app, string stateDirectory, int identityPort, int gatewayHttpPort, int gatewayGrpcPort, DashboardAccess? dashboard)
    {
        Dashboard = dashboard;
        App = app;
        StateDirectory = stateDirectory;
        IdentityUrl = $"http://127.0.0.1:{identityPort}";
        GatewayUrl = new Uri($"http://127.0.0.1:{gatewayHttpPort}");
        GatewayGrpcUrl = new Uri($"http://127.0.0.1:{gatewayGrpcPort}");
        Identity = new DevelopmentIdentity(stateDirectory, IdentityUrl);
    }

    public DistributedApplication App { get; }

    public string StateDirectory { get; }

    public string IdentityUrl { get; }

    public Uri GatewayUrl { get; }

    public Uri GatewayGrpcUrl { get; }

    public DevelopmentIdentity Identity { get; }

    /// <summary>The Aspire dashboard, when the test asked for it (its login token and telemetry API key).</summary>
    public DashboardAccess? Dashboard { get; }

    public string Token(string role, string? region = null, string? ministry = null) => Identity.CreateToken(role, region, ministry);

    /// <summary>Starts the AppHost without the named resources and waits until every other one is healthy.</summary>
    public static async Task<PlatformTestHost> StartAsync(string name, IReadOnlyCollection<string>? without = null, IEnumerable<string>? extraArgs = null,
        bool withDashboard = false, CancellationToken cancellationToken = default)
    {
        var dashboard = withDashboard ? new DashboardAccess(FreePort.Next(), FreePort.Next(), FreePort.Next()) : null;
        var stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..60]);
        int identityPort = FreePort.Next(), gatewayHttpPort = FreePort.Next(), gatewayGrpcPort = FreePort.Next();
        string[] args =
        [
            $"--Paradiplomacy:StateDirectory={stateDirectory}",
            "--Paradiplomacy:Fresh=true",
            // Throw-away state: no fsync, no append-only file.
            "--Paradiplomacy:Durable=false",
            $"--Paradiplomacy:IdentityPort={identityPort}",
            $"--Paradiplomacy:GatewayHttpPort={gatewayHttpPort}",
            $"--Paradiplomacy:GatewayGrpcPort={gatewayGrpcPort}",
            .. dashboard?.Arguments ?? [],
            .. extraArgs ?? [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Paradiplomacy_AppHost>(args,
            (options, _) => options.DisableDashboard = dashboard is null, cancellationToken);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Warning));
        foreach (var resourceName in without ?? [])
        {
            var resource = builder.Resources.Single(r => r.Name == resourceName);
            builder.Resources.Remove(resource);
        }
        var app = await builder.BuildAsync(cancellationToken);
        var host = new PlatformTestHost(app, stateDirectory, identityPort, gatewayHttpPort, gatewayGrpcPort, dashboard);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            await app.StartAsync(timeout.Token);
            foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(r => NeedsWaiting(r) && r.Name != "aspire-dashboard"))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Runs one of a resource's commands (start, stop, restart, replay-error-queue…) as the dashboard's menu does.</summary>
    public async Task<ExecuteCommandResult> CommandAsync(string resource, string command) =>
        await App.ResourceCommands.ExecuteCommandAsync(resource, command);

    /// <summary>The resource's current state as the dashboard shows it.</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e) ? e.Snapshot : throw new KeyNotFoundException(resource);

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>The address of a resource's endpoint (http, grpc, tcp, management).</summary>
    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    /// <summary>The system's own resources; Aspire's helpers (a project's hidden rebuilder) never start by themselves.</summary>
    private static bool NeedsWaiting(IResource resource) =>
        (resource is ProjectResource or ExecutableResource or ContainerResource || resource is IResourceWithConnectionString)
        && !resource.GetType().Name.Contains("Rebuilder", StringComparison.Ordinal);
}
