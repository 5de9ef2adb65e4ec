using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.Testing;

/// <summary>The AppHost itself, started by Aspire.Hosting.Testing on a throw-away state folder and free
/// ports, optionally without some resources (a service the test runs in-process instead).</summary>
public sealed class PlatformTestHost : IAsyncDisposable
{
    private readonly HttpClient _identity;

    private PlatformTestHost(DistributedApplication app, string stateDirectory, int identityPort, int gatewayHttpPort, int gatewayGrpcPort)
    {
        App = app;
        StateDirectory = stateDirectory;
        IdentityUrl = $"http://127.0.0.1:{identityPort}";
        GatewayUrl = new Uri($"http://127.0.0.1:{gatewayHttpPort}");
        GatewayGrpcUrl = new Uri($"http://127.0.0.1:{gatewayGrpcPort}");
        _identity = new HttpClient { BaseAddress = new Uri(IdentityUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public DistributedApplication App { get; }

    public string StateDirectory { get; }

    public string IdentityUrl { get; }

    public Uri GatewayUrl { get; }

    public Uri GatewayGrpcUrl { get; }


    /// <summary>The Aspire dashboard, when the test asked for it (its login token and telemetry API key).</summary>
    public DashboardAccess? Dashboard { get; private set; }

    /// <summary>A token from the identity resource itself, as a user's sign-in would get one.</summary>
    public string Token(string role, string? region = null, string? ministry = null, string? subject = null) =>
        DevelopmentTokens.Request(_identity, role, region, ministry, subject);

    /// <summary>Points a service about to run in-process at this platform, as the AppHost would: its database,
    /// the cache and the broker (ConnectionStrings__*), the identity provider, and the gRPC endpoints of the
    /// <paramref name="services"/> it calls. Returns the connection strings it set.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ConfigureInProcessServiceAsync(string database, params string[] services)
    {
        var connections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { database, "cache", "eventbus" })
        {
            connections[name] = await ConnectionStringAsync(name);
            Environment.SetEnvironmentVariable($"ConnectionStrings__{name}", connections[name]);
        }
        Environment.SetEnvironmentVariable("Identity__Authority", IdentityUrl);
        foreach (var service in services)
        {
            Environment.SetEnvironmentVariable($"services__{service}__grpc__0", Endpoint(service, "grpc").ToString());
        }
        return connections;
    }

    /// <summary>Registers <paramref name="agreement"/> with the agreements service as the region's officer
    /// would (in effect at once) and returns its id; other services hear of it by event.</summary>
    public async Task<string> RegisterExistingAgreementAsync(ExistingAgreement agreement)
    {
        using var agreements = new HttpClient { BaseAddress = Endpoint("agreements", "http") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agreements:registerExisting")
        {
            Content = System.Net.Http.Json.JsonContent.Create(agreement.RequestBody()),
        };
        request.Headers.Authorization = new("Bearer", Token("regional-officer", agreement.Region));
        using var response = await agreements.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"registerExisting refused {agreement.Title}: {body}");
        }
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Starts the AppHost without the named resources (and those that wait for them) and waits until every other one is healthy.</summary>
    public static async Task<PlatformTestHost> StartAsync(string name, IReadOnlyCollection<string>? without = null, IEnumerable<string>? extraArgs = null,
        bool withDashboard = false, Action<IDistributedApplicationTestingBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-{name}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
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
            .. extraArgs ?? [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Paradiplomacy_AppHost>(args,
            (options, _) => options.DisableDashboard = !withDashboard, cancellationToken);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Warning));
        var removed = (without ?? []).Select(n => builder.Resources.Single(r => r.Name == n)).ToHashSet();
        // What waits for a removed resource could never start, and what calls one would run without it:
        // it goes too (programs, without agreements).
        while (builder.Resources.Except(removed).Where(r => DependsOnAny(r, removed)).ToList() is { Count: > 0 } blocked)
        {
            removed.UnionWith(blocked);
        }
        foreach (var resource in removed)
        {
            builder.Resources.Remove(resource);
        }
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        var host = new PlatformTestHost(app, stateDirectory, identityPort, gatewayHttpPort, gatewayGrpcPort);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            await app.StartAsync(timeout.Token);
            foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(NeedsWaiting))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
            if (withDashboard)
            {
                host.Dashboard = await WaitForDashboardAsync(app, timeout.Token);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private static bool DependsOnAny(IResource resource, IReadOnlySet<IResource> removed) =>
        resource.Annotations.OfType<WaitAnnotation>().Any(w => removed.Contains(w.Resource))
        || resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Type == "Reference" && removed.Contains(r.Resource));

    /// <summary>Runs one of a resource's commands (start, stop, restart, replay-error-queue…) as the dashboard's menu does.</summary>
    public async Task<ExecuteCommandResult> CommandAsync(string resource, string command) =>
        await App.ResourceCommands.ExecuteCommandAsync(resource, command);

    /// <summary>The process of a resource as DCP started it (a service's own program, the PostgreSQL postmaster,
    /// the RabbitMQ VM: each execs or is run directly); null while it has none.</summary>
    public int? ProcessId(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e)
        && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
        && int.TryParse(Convert.ToString(pid, System.Globalization.CultureInfo.InvariantCulture), out var id)
        && Directory.Exists($"/proc/{id}")
            ? id
            : null;

    /// <summary>Kills a resource's process with SIGKILL, as a crash or the kernel's OOM killer would end it,
    /// and returns the pid it had.</summary>
    public int Kill(string resource)
    {
        var pid = ProcessId(resource) ?? throw new InvalidOperationException($"{resource} has no running process.");
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        return pid;
    }

    /// <summary>Waits until the resource runs healthy in a process other than <paramref name="killed"/>.</summary>
    public async Task WaitForRestartAsync(string resource, int killed, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                && ProcessId(resource) is { } pid && pid != killed, cts.Token);
    }

    /// <summary>The resource's current state as the dashboard shows it.</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var e) ? e.Snapshot : throw new KeyNotFoundException(resource);

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>The address of a resource's endpoint (http, grpc, tcp, management).</summary>
    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public async ValueTask DisposeAsync()
    {
        _identity.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private static async Task<DashboardAccess> WaitForDashboardAsync(DistributedApplication app, CancellationToken ct)
    {
        var snapshot = (await app.ResourceNotifications.WaitForResourceAsync("aspire-dashboard",
            e => e.Snapshot.EnvironmentVariables.Any(v => v.Name == "DASHBOARD__FRONTEND__PUBLICURL"), ct)).Snapshot;
        string Env(string name) => snapshot.EnvironmentVariables.First(v => v.Name == name).Value ?? string.Empty;
        var dashboard = new DashboardAccess(new Uri(Env("DASHBOARD__FRONTEND__PUBLICURL")), Env("DASHBOARD__FRONTEND__BROWSERTOKEN"), Env("DASHBOARD__API__PRIMARYAPIKEY"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var response = await http.GetAsync(dashboard.Url, ct);
                return dashboard;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(500, ct);
            }
        }
        throw new InvalidOperationException($"The Aspire dashboard did not answer at {dashboard.Url}.");
    }

    /// <summary>The system's own resources; Aspire's helpers (a project's hidden rebuilder) never start by themselves.</summary>
    private static bool NeedsWaiting(IResource resource) =>
        (resource is ProjectResource or ExecutableResource or ContainerResource || resource is IResourceWithConnectionString)
        && !resource.GetType().Name.Contains("Rebuilder", StringComparison.Ordinal);
}
