using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.Hosting;

/// <summary>Describes the system: infrastructure, services, what references and waits for what.
/// Names are kebab-case and double as service-discovery and connection-string names.</summary>
public sealed class DistributedApplicationBuilder(DistributedApplicationOptions options)
{
    private readonly List<Resource> _infrastructure = [];
    private readonly List<ServiceProject> _services = [];

    public DistributedApplicationOptions Options { get; } = options;

    public PostgresResource AddPostgres(string name) => Add(new PostgresResource(name));

    public RedisResource AddRedis(string name) => Add(new RedisResource(name));

    public RabbitMQResource AddRabbitMQ(string name) => Add(new RabbitMQResource(name));

    public ServiceProject AddProject(string name, string projectPath)
    {
        var service = new ServiceProject(name, projectPath);
        _services.Add(service);
        return service;
    }

    public DistributedApplication Build()
    {
        var resources = new List<Resource>(_infrastructure);
        foreach (var service in _services)
        {
            foreach (var instance in service.CreateInstances())
            {
                instance.Options = Options;
                instance.AssignPorts();
                resources.Add(instance);
            }
        }
        foreach (var service in _services)
        {
            var waits = service.WaitsFor.SelectMany<object, Resource>(w => w switch
            {
                Resource r => [r],
                ServiceProject p => p.Instances,
                _ => [],
            }).ToList();
            foreach (var instance in service.Instances)
            {
                instance.WaitsFor.AddRange(waits);
            }
        }
        return new DistributedApplication(Options, resources);
    }

    private T Add<T>(T resource) where T : Resource
    {
        resource.Options = Options;
        _infrastructure.Add(resource);
        return resource;
    }
}
