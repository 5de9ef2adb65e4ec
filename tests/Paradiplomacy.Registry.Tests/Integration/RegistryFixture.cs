using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>Real PostgreSQL, Redis and RabbitMQ started by Paradiplomacy.Hosting on throw-away
/// state, and the registry service in-process on top of them.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public DistributedApplication Infrastructure { get; private set; } = null!;

    public CityRegistry.CityRegistryClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string ConnectionString(string name) => name switch
    {
        "registry-db" => Infrastructure.Get<PostgresResource>("postgres").ConnectionStringFor("registry-db"),
        "cache" => Infrastructure.Get<RedisResource>("cache").ConnectionString,
        "eventbus" => Infrastructure.Get<RabbitMQResource>("eventbus").ConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public async Task InitializeAsync()
    {
        var options = new DistributedApplicationOptions
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-registry-tests-{Environment.ProcessId}"),
            Fresh = true,
            Ephemeral = true,
            DashboardPort = Ports.Free(),
        };
        var builder = DistributedApplication.CreateBuilder(options);
        builder.AddPostgres("postgres").AddDatabase("registry-db");
        builder.AddRedis("cache");
        builder.AddRabbitMQ("eventbus");
        Infrastructure = builder.Build();
        await Infrastructure.StartAsync();

        // The registry reads these names at start-up, as it does under the apphost.
        Environment.SetEnvironmentVariable("ConnectionStrings__registry-db", ConnectionString("registry-db"));
        Environment.SetEnvironmentVariable("ConnectionStrings__cache", ConnectionString("cache"));
        Environment.SetEnvironmentVariable("ConnectionStrings__eventbus", ConnectionString("eventbus"));
        Environment.SetEnvironmentVariable("Identity__Authority", Infrastructure.DashboardUrl);

        _factory = new WebApplicationFactory<Program>();
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new CityRegistry.CityRegistryClient(channel);
    }

    public Metadata Bearer(string role, string? region = null, string? ministry = null) =>
        new() { { "Authorization", $"Bearer {Infrastructure.Identity.CreateToken(role, region, ministry)}" } };

    public string Token(string role, string? region = null, string? ministry = null) => Infrastructure.Identity.CreateToken(role, region, ministry);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
        Directory.Delete(Path.Combine(Path.GetTempPath(), $"paradiplomacy-registry-tests-{Environment.ProcessId}"), recursive: true);
    }
}
