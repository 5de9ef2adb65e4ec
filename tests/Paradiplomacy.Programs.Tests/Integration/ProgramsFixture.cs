using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Programs.Data;
using Paradiplomacy.Testing;

namespace Paradiplomacy.Programs.Tests.Integration;

/// <summary>The AppHost's real PostgreSQL, Redis, RabbitMQ, identity provider, registry and agreements
/// (processes, as in production), and the programs service in-process on top: the agreements it plans
/// under reach it as events over the real broker.</summary>
public sealed class ProgramsFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public Contracts.Programs.V1.Programs.ProgramsClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    /// <summary>The agreements service's REST endpoint (a process of the AppHost).</summary>
    public HttpClient Agreements { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("programs-tests", without: ["programs", "gateway"]);
        await Infrastructure.ConfigureInProcessServiceAsync("programs-db", "agreements");
        Agreements = new HttpClient { BaseAddress = Infrastructure.Endpoint("agreements", "http") };
        // Signed while the programs service did not run yet: its queues did not exist, so no event reaches it.
        AgreementBeforeStart = await RegisterExistingAsync("35.78", "idn-35.78", "gn-1835848", "SISTER_CITY", "education", "smart_city");
        _factory = new WebApplicationFactory<Program>();
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new Contracts.Programs.V1.Programs.ProgramsClient(channel);
    }

    /// <summary>Surabaya–Seoul, in effect before the programs service first started.</summary>
    public string AgreementBeforeStart { get; private set; } = null!;

    public Metadata Bearer(string role, string? region = null, string? ministry = null) =>
        new() { { "Authorization", $"Bearer {Infrastructure.Token(role, region, ministry)}" } };

    /// <summary>An agreement signed earlier and registered on the platform by the region's officer, in
    /// effect now; returns once the programs service has heard of it.</summary>
    public async Task<string> ActiveAgreementAsync(string region, string cityId, string partnerId, string kind, params string[] fields)
    {
        var id = await RegisterExistingAsync(region, cityId, partnerId, kind, fields);
        await UntilProjectedAsync(id, "Active");
        return id;
    }

    private Task<string> RegisterExistingAsync(string region, string cityId, string partnerId, string kind, params string[] fields) =>
        Infrastructure.RegisterExistingAgreementAsync(new ExistingAgreement(region, cityId, partnerId, $"{cityId}–{partnerId}", fields, new DateOnly(2025, 1, 15)) { Kind = kind, Place = "Surabaya" });

    /// <summary>Waits until the programs service's copy of the agreement has the status.</summary>
    public async Task UntilProjectedAsync(string agreementId, string status)
    {
        for (var i = 0; i < 150; i++)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProgramsDbContext>();
            if (await db.Agreements.AnyAsync(a => a.AgreementId == agreementId && a.Status == status))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The programs service never heard that {agreementId} is {status}.");
    }

    public async Task<T> WithDbAsync<T>(Func<ProgramsDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProgramsDbContext>());
    }

    public async Task DisposeAsync()
    {
        Agreements?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
    }
}
