using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.Testing;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>The AppHost's real PostgreSQL, Redis, RabbitMQ and identity provider on throw-away state
/// (Aspire.Hosting.Testing), and the registry service in-process on top of them.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private IReadOnlyDictionary<string, string> _connectionStrings = new Dictionary<string, string>();
    private WebApplicationFactory<Program>? _factory;

    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public CityRegistry.CityRegistryClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string ConnectionString(string name) => _connectionStrings[name];

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("registry-tests", without: ["registry", "agreements", "gateway"]);
        _connectionStrings = await Infrastructure.ConfigureInProcessServiceAsync("registry-db");

        _factory = new WebApplicationFactory<Program>();
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new CityRegistry.CityRegistryClient(channel);
        // Search answers from memory once the index has loaded; the tests search it, not the fallback.
        await SearchIndexAsync();
    }

    /// <summary>The service's in-memory search, once it has loaded.</summary>
    public async Task<Paradiplomacy.Registry.Domain.NameIndex> SearchIndexAsync()
    {
        var index = Services.GetRequiredService<Paradiplomacy.Registry.Data.CityNameIndex>();
        await index.Loaded.WaitAsync(TimeSpan.FromMinutes(2));
        return index.Current!;
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
