using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Testing;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Tests.Integration;

/// <summary>The AppHost's real PostgreSQL, Redis, RabbitMQ, identity provider, registry, agreements and
/// programs (processes, as in production), and the funding service in-process on top: the programs it
/// funds reach it as events over the real broker, or by asking the programs service.</summary>
public sealed class FundingFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public V1.Funding.FundingClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    /// <summary>The programs service's REST endpoint (a process of the AppHost).</summary>
    public HttpClient Programs { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("funding-tests", without: ["funding", "gateway"]);
        await Infrastructure.ConfigureInProcessServiceAsync("funding-db", "programs");
        Programs = new HttpClient { BaseAddress = Infrastructure.Endpoint("programs", "http") };
        _factory = new WebApplicationFactory<Program>();
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new V1.Funding.FundingClient(channel);
        JakartaRotterdam = await ActiveAgreementAsync("31", "idn-31", "gn-2747891", "environment", "disaster_management");
    }

    /// <summary>DKI Jakarta–Rotterdam: flood and waste management, in effect.</summary>
    public string JakartaRotterdam { get; private set; } = null!;

    public Metadata Bearer(string role, string? region = null, string? subject = null) =>
        new() { { "Authorization", $"Bearer {Infrastructure.Token(role, region, subject: subject)}" } };

    public Metadata Officer(string region = "31", string? subject = null) => Bearer("regional-officer", region, subject);

    public Metadata Approver(string region = "31", string? subject = null) => Bearer("finance-approver", region, subject);

    /// <summary>A program of Jakarta's under the agreement (approved unless asked otherwise), planned in the
    /// programs service, over this year and the next.</summary>
    public async Task<string> ProgramAsync(string title, bool approve = true)
    {
        var year = DateTime.UtcNow.Year;
        var program = await SendAsync(Programs, HttpMethod.Post, "/api/v1/programs", "31", new
        {
            agreementId = JakartaRotterdam, type = "TECHNICAL_ASSISTANCE", field = "environment", title,
            indonesianLeadOffice = "Dinas Sumber Daya Air DKI Jakarta", foreignLeadOffice = "Gemeente Rotterdam, Stadsontwikkeling",
            startDate = new { year, month = 1, day = 1 }, endDate = new { year = year + 1, month = 12, day = 31 }, deliveryMode = "HYBRID", location = "Jakarta",
            sdgTargets = new[] { "11.5", "17.17" },
        }, retryUntilActive: true);
        var id = program.GetProperty("id").GetString()!;
        if (approve)
        {
            await SendAsync(Programs, HttpMethod.Post, $"/api/v1/programs/{id}:approve", "31", new { });
        }
        // The funding service hears of the approval by event; what the public may see depends on it.
        await UntilProjectedAsync(id, approve ? "Approved" : "Planned");
        return id;
    }

    public async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string region, object body, bool retryUntilActive = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", Infrastructure.Token("regional-officer", region));
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            Assert.True(retryUntilActive && attempt < 150 && text.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal), $"{path}: {text}");
            await Task.Delay(200);
        }
    }

    private Task<string> ActiveAgreementAsync(string region, string cityId, string partnerId, params string[] fields) =>
        Infrastructure.RegisterExistingAgreementAsync(new ExistingAgreement(region, cityId, partnerId, "DKI Jakarta–Rotterdam", fields, new DateOnly(2025, 3, 10))
        {
            Objectives = "Flood and waste management", Mechanisms = "Expert exchanges and joint projects",
            IndonesianSignatory = "Gubernur DKI Jakarta", ForeignSignatory = "Burgemeester van Rotterdam", Place = "Rotterdam",
            Source = "Signed MoU kept by Biro Kerja Sama DKI Jakarta",
        });

    /// <summary>Waits until the funding service's copy of the program has the status (from the programs events).</summary>
    public async Task UntilProjectedAsync(string programId, string status)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await WithDbAsync(db => db.Programs.AnyAsync(p => p.ProgramId == programId && p.Status == status)))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The funding service never heard that {programId} is {status}.");
    }

    public async Task<T> WithDbAsync<T>(Func<FundingDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<FundingDbContext>());
    }

    public async Task DisposeAsync()
    {
        Programs?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
    }
}
