namespace Paradiplomacy.Hosting.Resources;

/// <summary>The description of a service: which project, how many replicas, what it references and
/// waits for. The apphost turns it into one <see cref="ProjectResource"/> per replica.</summary>
public sealed class ServiceProject(string name, string projectPath)
{
    private readonly List<ProjectResource> _instances = [];

    public string Name { get; } = name;

    /// <summary>Path of the .csproj relative to the repository root.</summary>
    public string ProjectPath { get; } = projectPath;

    public int Replicas { get; private set; } = 1;

    public int? HttpPort { get; private set; }

    public int? GrpcPort { get; private set; }

    public List<IResourceWithConnectionString> ConnectionReferences { get; } = [];

    public List<ServiceProject> ServiceReferences { get; } = [];

    public List<object> WaitsFor { get; } = [];

    public Dictionary<string, Func<string>> Environment { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<ProjectResource> Instances => _instances;

    /// <summary>Injects ConnectionStrings__{name} and waits for the server behind it.</summary>
    public ServiceProject WithReference(IResourceWithConnectionString resource)
    {
        ConnectionReferences.Add(resource);
        WaitsFor.Add(resource is PostgresDatabaseResource db ? db.Server : resource);
        return this;
    }

    /// <summary>Injects services__{name}__{endpoint}__{i} for every replica (service discovery).</summary>
    public ServiceProject WithReference(ServiceProject service)
    {
        ServiceReferences.Add(service);
        return this;
    }

    public ServiceProject WaitFor(ServiceProject service)
    {
        WaitsFor.Add(service);
        return this;
    }

    public ServiceProject WithReplicas(int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        Replicas = replicas;
        return this;
    }

    public ServiceProject WithHttpEndpoint(int port)
    {
        HttpPort = port;
        return this;
    }

    public ServiceProject WithGrpcEndpoint(int port)
    {
        GrpcPort = port;
        return this;
    }

    /// <summary>An environment variable whose value is read when the replica starts.</summary>
    public ServiceProject WithEnvironment(string name, Func<string> value)
    {
        Environment[name] = value;
        return this;
    }

    public ServiceProject WithEnvironment(string name, string value) => WithEnvironment(name, () => value);

    internal IReadOnlyList<ProjectResource> CreateInstances()
    {
        _instances.Clear();
        for (var i = 0; i < Replicas; i++)
        {
            _instances.Add(new ProjectResource(this, i));
        }
        return _instances;
    }
}
