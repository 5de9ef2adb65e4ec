using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Paradiplomacy.AppHost.Tests.Kubernetes;

/// <summary>What the AppHost declares about each process that a deployment must reproduce: the
/// configuration names it injects, the services it references (its calls) and its project file.
/// The development identity provider is not part of a deployment (the national OIDC authority is).</summary>
public sealed record AppHostModel(IReadOnlyDictionary<string, AppHostModel.Process> Processes)
{
    /// <summary>A process and its Kestrel endpoints ("http", and "grpc" for the services and the gateway; the portal is
    /// web pages only), which a pod serves on 8080 and 8081.</summary>
    public sealed record Process(string Name, IReadOnlySet<string> Environment, IReadOnlySet<string> Calls, string ProjectPath, IReadOnlyList<string> Endpoints)
    {
        public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int> { ["http"] = 8080, ["grpc"] = 8081 };

        public IEnumerable<(string Name, int Port)> ContainerPorts => Endpoints.Select(e => (e, Ports[e]));
    }

    public static async Task<AppHostModel> BuildAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), $"paradiplomacy-model-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Paradiplomacy_AppHost>(
                ["--Paradiplomacy:Infrastructure=containers", $"--Paradiplomacy:StateDirectory={state}"]);
            var projects = builder.Resources.OfType<ProjectResource>().Where(p => p.Name != "identity").ToList();
            var names = projects.Select(p => p.Name).ToHashSet();
            var processes = new Dictionary<string, Process>();
            foreach (var project in projects)
            {
                var calls = project.Annotations.OfType<ResourceRelationshipAnnotation>()
                    .Where(r => r.Type == "Reference" && names.Contains(r.Resource.Name)).Select(r => r.Resource.Name).ToHashSet();
                var endpoints = project.Annotations.OfType<EndpointAnnotation>().Select(e => e.Name).Distinct()
                    .OrderBy(e => Process.Ports.TryGetValue(e, out var port) ? port : int.MaxValue).ToList();
                processes[project.Name] = new Process(project.Name, await EnvironmentNamesAsync(project), calls,
                    project.GetProjectMetadata().ProjectPath, endpoints);
            }
            return new AppHostModel(processes);
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    /// <summary>The names the AppHost sets that the process reads through .NET configuration ("Section__Key",
    /// DOTNET_*, OTEL_*), plus the two telemetry names the dashboard adds at run time. Left out: Aspire's
    /// upper-case aliases for other languages (REGISTRY_DB_HOST, EVENTBUS_URI...), the underscore spelling of a
    /// hyphenated connection name, and the OTLP exporter's development-only retry switch.</summary>
    private static async Task<IReadOnlySet<string>> EnvironmentNamesAsync(ProjectResource project)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), project, values);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        var names = values.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToHashSet();
        const string connection = "ConnectionStrings__";
        names.RemoveWhere(k => k.StartsWith(connection, StringComparison.Ordinal) && k[connection.Length..] is var name
            && name.Contains('_', StringComparison.Ordinal) && names.Contains(connection + name.Replace('_', '-')));
        names.UnionWith(["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME"]);
        return names;
    }
}
