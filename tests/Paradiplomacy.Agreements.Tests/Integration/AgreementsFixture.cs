using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Testing;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>The AppHost's real PostgreSQL, Redis, RabbitMQ, identity provider and registry (a process,
/// as in production), and the agreements service in-process on top, with a clock the tests control.</summary>
public sealed class AgreementsFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public Contracts.Agreements.V1.Agreements.AgreementsClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The registry's REST endpoint.</summary>
    public Uri RegistryUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("agreements-tests", without: ["agreements", "gateway"]);
        await Infrastructure.ConfigureInProcessServiceAsync("agreements-db", "registry");
        RegistryUrl = Infrastructure.Endpoint("registry", "http");
        Environment.SetEnvironmentVariable("services__registry__http__0", RegistryUrl.ToString());
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

    public string Token(string role, string? region = null, string? ministry = null) => Infrastructure.Token(role, region, ministry);

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
    }
}
