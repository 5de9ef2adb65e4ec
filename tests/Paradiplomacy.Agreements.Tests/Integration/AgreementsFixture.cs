using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.Agreements.V1;
using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>Real PostgreSQL, Redis and RabbitMQ, the registry as a process (as in production), and
/// the agreements service in-process on top, with a clock the tests control.</summary>
public sealed class AgreementsFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-agreements-tests-{Environment.ProcessId}");
    private WebApplicationFactory<Program>? _factory;

    public DistributedApplication Infrastructure { get; private set; } = null!;

    public Contracts.Agreements.V1.Agreements.AgreementsClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        var options = new DistributedApplicationOptions { StateDirectory = _stateDirectory, Fresh = true, Ephemeral = true, DashboardPort = Ports.Free() };
        var builder = DistributedApplication.CreateBuilder(options);
        var postgres = builder.AddPostgres("postgres");
        var registryDb = postgres.AddDatabase("registry-db");
        var agreementsDb = postgres.AddDatabase("agreements-db");
        var cache = builder.AddRedis("cache");
        var eventbus = builder.AddRabbitMQ("eventbus");
        builder.AddProject("registry", "services/Registry/Paradiplomacy.Registry.csproj")
            .WithReference(registryDb).WithReference(cache).WithReference(eventbus)
            .WithEnvironment("Identity__Authority", $"http://127.0.0.1:{options.DashboardPort}");
        Infrastructure = builder.Build();
        await Infrastructure.StartAsync();

        var registry = Infrastructure.Get<ProjectResource>("registry");
        Environment.SetEnvironmentVariable("ConnectionStrings__agreements-db", agreementsDb.ConnectionString);
        Environment.SetEnvironmentVariable("ConnectionStrings__cache", cache.ConnectionString);
        Environment.SetEnvironmentVariable("ConnectionStrings__eventbus", eventbus.ConnectionString);
        Environment.SetEnvironmentVariable("Identity__Authority", Infrastructure.DashboardUrl);
        Environment.SetEnvironmentVariable("services__registry__grpc__0", registry.GrpcUrl);
        Environment.SetEnvironmentVariable("services__registry__http__0", registry.HttpUrl);
        // The tests drive the lifecycle job themselves, with their clock.
        Environment.SetEnvironmentVariable("Agreements__Lifecycle__Enabled", "false");

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new Contracts.Agreements.V1.Agreements.AgreementsClient(channel);
    }

    public Metadata Bearer(string role, string? region = null, string? ministry = null) =>
        new() { { "Authorization", $"Bearer {Token(role, region, ministry)}" } };

    public string Token(string role, string? region = null, string? ministry = null) => Infrastructure.Identity.CreateToken(role, region, ministry);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
