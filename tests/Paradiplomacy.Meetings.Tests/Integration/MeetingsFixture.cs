using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Testing;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.Meetings.Tests.Integration;

/// <summary>The AppHost's real PostgreSQL, Redis, RabbitMQ, identity provider, registry, agreements and
/// programs (processes, as in production), and the meetings service in-process on top, on a clock the tests
/// move. The agreement between Kota Bandung and Fort Worth reaches it as an event over the real broker.</summary>
public sealed class MeetingsFixture : IAsyncLifetime
{
    public const string Bandung = "idn-32.73";
    public const string FortWorth = "gn-4691930";
    public const string Region = "32.73";

    private WebApplicationFactory<Program>? _factory;

    public PlatformTestHost Infrastructure { get; private set; } = null!;

    public V1.Meetings.MeetingsClient Client { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public ShiftedClock Clock { get; } = new();

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Kota Bandung–Fort Worth, sister cities since 1990, in effect.</summary>
    public string BandungFortWorth { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await PlatformTestHost.StartAsync("meetings-tests", without: ["meetings", "gateway"]);
        await Infrastructure.ConfigureInProcessServiceAsync("meetings-db", "registry", "agreements");
        // The tests run the calendar's passes themselves, at the moments they choose.
        Environment.SetEnvironmentVariable("Meetings__CalendarJobEnabled", "false");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Rest = _factory.CreateClient();
        var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new V1.Meetings.MeetingsClient(channel);
        BandungFortWorth = await RegisterAgreementAsync();
    }

    public string Token(string role, string? region = null, string? ministry = null) => Infrastructure.Token(role, region, ministry);

    public Metadata Bearer(string role, string? region = null, string? ministry = null) =>
        new() { { "Authorization", $"Bearer {Token(role, region, ministry)}" } };

    /// <summary>An officer of Kota Bandung (or of another region).</summary>
    public Metadata Officer(string region = Region) => Bearer("regional-officer", region);

    /// <summary>Fort Worth's partner key.</summary>
    public Metadata Partner(string city = FortWorth) => Bearer("partner", city);

    public async Task<T> WithDbAsync<T>(Func<MeetingsDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MeetingsDbContext>());
    }

    /// <summary>The outbox's events about <paramref name="id"/>, by type name, oldest first.</summary>
    public async Task<List<string>> EventsAboutAsync(string id)
    {
        // The payload is jsonb: read the rows and look inside them here.
        var messages = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Sequence).Select(m => new { m.MessageType, m.Payload }).ToListAsync());
        return [.. messages.Where(m => m.Payload.Contains(id, StringComparison.Ordinal)).Select(m => m.MessageType.Split(',')[0].Split('.').Last())];
    }

    public Task<int> OutboxCountAsync() => WithDbAsync(db => db.OutboxMessages.CountAsync());

    private async Task<string> RegisterAgreementAsync()
    {
        // Sister cities since 1990; the MoU in force now was renewed in 2024 for five years.
        var id = await Infrastructure.RegisterExistingAgreementAsync(new ExistingAgreement(Region, Bandung, FortWorth, "Kota Bandung–Fort Worth", ["education", "culture"], new DateOnly(2024, 4, 20))
        {
            Objectives = "Youth, culture and education exchanges", Mechanisms = "Delegations and virtual working groups",
            IndonesianSignatory = "Wali Kota Bandung", ForeignSignatory = "Mayor of Fort Worth", Place = "Fort Worth",
            Source = "Signed MoU kept by Bagian Kerja Sama Kota Bandung",
        });
        // The meetings service hears of it by event.
        for (var i = 0; i < 150 && !await WithDbAsync(db => db.Agreements.AnyAsync(a => a.AgreementId == id)); i++)
        {
            await Task.Delay(200);
        }
        return id;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Infrastructure.DisposeAsync();
    }
}
