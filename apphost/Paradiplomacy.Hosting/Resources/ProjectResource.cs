using Paradiplomacy.Hosting.Infrastructure;

namespace Paradiplomacy.Hosting.Resources;

/// <summary>One replica of a .NET service of this repository, run from its build output with the
/// configuration Aspire would inject: ConnectionStrings__*, services__*, OTEL_*, Kestrel endpoints.
/// Every replica listens twice: "http" (HTTP/1.1: REST, /health) and "grpc" (HTTP/2 cleartext).</summary>
public sealed class ProjectResource : SupervisedResource
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    internal ProjectResource(ServiceProject service, int replica)
        : base(service.Replicas == 1 ? service.Name : $"{service.Name}-{replica}")
    {
        Service = service;
        Replica = replica;
    }

    public ServiceProject Service { get; }

    public int Replica { get; }

    public int HttpPort { get; private set; }

    public int GrpcPort { get; private set; }

    public override string Kind => "project";

    public override IReadOnlyDictionary<string, string> Endpoints => HttpPort == 0
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["http"] = HttpUrl, ["grpc"] = GrpcUrl };

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";

    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>Fixes ports before anything starts, so references resolve whatever the start order.</summary>
    internal void AssignPorts()
    {
        HttpPort = Replica == 0 && Service.HttpPort is { } http ? http : Ports.Free();
        GrpcPort = Replica == 0 && Service.GrpcPort is { } grpc ? grpc : Ports.Free();
        foreach (var port in new[] { HttpPort, GrpcPort })
        {
            if ((port == Service.HttpPort || port == Service.GrpcPort) && !Ports.IsFree(port))
            {
                throw new InvalidOperationException($"Port {port} for {Name} is taken by another program; stop it or choose another port.");
            }
        }
    }

    public string AssemblyPath
    {
        get
        {
            var projectFile = Path.Combine(Options.RepositoryRootDirectory, Service.ProjectPath);
            var name = Path.GetFileNameWithoutExtension(projectFile);
            return Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", Options.Configuration, "net10.0", $"{name}.dll");
        }
    }

    protected override Task<ManagedProcess> LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException($"{AssemblyPath} is not built; run `dotnet build Paradiplomacy.sln -c {Options.Configuration}`.");
        }
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__http__Url"] = HttpUrl,
            ["Kestrel__Endpoints__http__Protocols"] = "Http1",
            ["Kestrel__Endpoints__grpc__Url"] = GrpcUrl,
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["OTEL_SERVICE_NAME"] = Service.Name,
            // The dashboard is this system's OTLP collector; in production the platform's takes its place.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Options.TelemetryExport ? $"http://127.0.0.1:{Options.DashboardPort}" : null,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            // Every 5 s, so the dashboard's 10-second steps each hold a reading.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}",
            ["DOTNET_gcServer"] = "0",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var reference in Service.ConnectionReferences)
        {
            environment[$"ConnectionStrings__{reference.Name}"] = reference.ConnectionString;
        }
        foreach (var project in Service.ServiceReferences)
        {
            var replicas = project.Instances;
            for (var i = 0; i < replicas.Count; i++)
            {
                environment[$"services__{project.Name}__http__{i}"] = replicas[i].HttpUrl;
                environment[$"services__{project.Name}__grpc__{i}"] = replicas[i].GrpcUrl;
            }
        }
        foreach (var (key, value) in Service.Environment)
        {
            environment[key] = value();
        }
        return Task.FromResult(ManagedProcess.Start("dotnet", [AssemblyPath], environment, Logs,
            Path.GetDirectoryName(AssemblyPath), PidFile));
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync($"{HttpUrl}/health", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public override async Task<(bool Healthy, string? Problem)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync($"{HttpUrl}/health", cancellationToken);
            return response.IsSuccessStatusCode
                ? (true, null)
                : (false, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (false, ex.Message);
        }
    }
}
