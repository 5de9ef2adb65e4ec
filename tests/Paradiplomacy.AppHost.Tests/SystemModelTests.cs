using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Paradiplomacy.Hosting.Postgres;
using Paradiplomacy.Hosting.RabbitMQ;
using Paradiplomacy.Hosting.Redis;

namespace Paradiplomacy.AppHost.Tests;

/// <summary>The AppHost's model as Aspire builds it, without starting anything: the same names and
/// references whichever way the infrastructure runs.</summary>
public class SystemModelTests
{
    private static readonly string[] Services = ["identity", "registry", "agreements", "programs", "funding", "meetings", "gateway"];

    [Fact]
    public async Task Without_a_container_engine_the_infrastructure_is_the_distributions_servers_on_loopback()
    {
        var model = await ModelAsync("executables");

        Assert.IsType<LocalPostgresServerResource>(model["postgres"]);
        Assert.IsType<LocalPostgresDatabaseResource>(model["registry-db"]);
        Assert.IsType<LocalPostgresDatabaseResource>(model["agreements-db"]);
        Assert.IsType<LocalPostgresDatabaseResource>(model["programs-db"]);
        Assert.IsType<LocalPostgresDatabaseResource>(model["funding-db"]);
        Assert.IsType<LocalPostgresDatabaseResource>(model["meetings-db"]);
        Assert.IsType<LocalRedisResource>(model["cache"]);
        Assert.IsType<LocalRabbitMQResource>(model["eventbus"]);
        Assert.IsType<EpmdResource>(model["eventbus-epmd"]);
        foreach (var endpoint in model.Values.OfType<ExecutableResource>().SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            Assert.Equal("127.0.0.1", endpoint.TargetHost);
            Assert.False(endpoint.IsProxied);
        }
        Assert.All(Services, name => Assert.IsType<ProjectResource>(model[name]));
    }

    [Fact]
    public async Task With_a_container_engine_the_same_names_are_Aspires_own_containers()
    {
        var model = await ModelAsync("containers");

        Assert.IsType<PostgresServerResource>(model["postgres"]);
        Assert.IsType<PostgresDatabaseResource>(model["registry-db"]);
        Assert.IsType<RedisResource>(model["cache"]);
        Assert.IsType<RabbitMQServerResource>(model["eventbus"]);
        Assert.False(model.ContainsKey("eventbus-epmd"));
        Assert.All(Services, name => Assert.IsType<ProjectResource>(model[name]));
    }

    [Fact]
    public async Task Every_service_waits_for_its_database_starts_beside_the_bus_and_the_services_it_calls_and_can_be_replicated()
    {
        var model = await ModelAsync("executables", "--Paradiplomacy:Replicas:agreements=3");
        HashSet<string> Waits(string name) => model[name].Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToHashSet();
        HashSet<string> References(string name) => model[name].Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference").Select(r => r.Resource.Name).ToHashSet();
        var services = new[] { "registry", "agreements", "programs", "funding", "meetings" };

        Assert.All(services, name => Assert.Superset(new HashSet<string> { $"{name}-db", "cache", "identity" }, Waits(name)));
        // The bus is referenced, not waited for: a service starts while RabbitMQ boots and connects once it listens.
        Assert.All(services, name => Assert.Contains("eventbus", References(name)));
        // Side by side: no service (nor the gateway) waits for another; the gateway is ready once they all are.
        Assert.All(services.Append("gateway"), name => Assert.Empty(Waits(name).Intersect(services)));
        Assert.Superset(new HashSet<string> { "registry" }, References("agreements"));
        Assert.Superset(new HashSet<string> { "agreements" }, References("programs"));
        Assert.Superset(new HashSet<string> { "programs" }, References("funding"));
        Assert.Superset(new HashSet<string> { "registry", "agreements" }, References("meetings"));
        Assert.Superset(new HashSet<string>(services), References("gateway"));
        Assert.Superset(new HashSet<string> { "cache", "identity" }, Waits("gateway"));
        Assert.Equal(3, model["agreements"].Annotations.OfType<ReplicaAnnotation>().Single().Replicas);
        Assert.All(services, name =>
            Assert.Contains(model[name].Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == Hosting.Commands.OperatorCommandExtensions.ReplayErrorQueueCommand));
    }

    [Fact]
    public async Task An_unknown_infrastructure_mode_is_refused_by_name()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ModelAsync("vms"));

        Assert.Contains("Paradiplomacy:Infrastructure", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, IResource>> ModelAsync(string infrastructure, params string[] extra)
    {
        var state = Path.Combine(Path.GetTempPath(), $"paradiplomacy-model-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Paradiplomacy_AppHost>(
                [$"--Paradiplomacy:Infrastructure={infrastructure}", $"--Paradiplomacy:StateDirectory={state}", .. extra]);
            return builder.Resources.ToDictionary(r => r.Name);
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }
}
