using Aspire.Hosting.Testing;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>The whole system as the AppHost describes it, on throw-away state, for tests that kill its parts.</summary>
public class ReliabilityFixture : IAsyncLifetime
{
    public PlatformTestHost Host { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public string EventBus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every test calls from loopback, so all anonymous calls share one per-address quota (120 a minute): the
        // fuzzer's anonymous half would mostly meet the limiter, and a later test's anonymous read be refused.
        // Signed-in limits, which the abuse and cache tests exercise, stay as configured.
        Host = await PlatformTestHost.StartAsync(Name, extraArgs: Arguments, configure: builder =>
        {
            Project(builder, "gateway").WithEnvironment("Gateway__RateLimits__Anonymous", "1000000");
            Configure(builder);
        });
        EventBus = await Host.ConnectionStringAsync("eventbus");
        Gateway = new HttpClient { BaseAddress = Host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The state folder's name.</summary>
    protected virtual string Name => "reliability";

    /// <summary>AppHost arguments beyond the test host's own.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>Changes to the model before it starts.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    protected static IResourceBuilder<ProjectResource> Project(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder((ProjectResource)builder.Resources.Single(r => r.Name == name));

    public string Token(string role, string? region = null, string? ministry = null, string? subject = null) => Host.Token(role, region, ministry, subject);

    /// <summary>Sends through the gateway as <paramref name="token"/> (none: anonymous); the status and the body, whatever they are.</summary>
    public Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        Gateway.CallAsync(method, path, token, body);

    /// <summary>As <see cref="SendAsync"/> for a call that is safe to repeat (a read, or a create with its request_id), tried
    /// again for 20 s while the gateway cannot reach the service (no answer, 502, 503, 504), as a client retries. Each
    /// attempt that was tried again is added to <paramref name="retried"/>.</summary>
    public async Task<(int Status, string Body)> SendRetriedAsync(HttpMethod method, string path, string? token, object? body,
        System.Collections.Concurrent.ConcurrentBag<string> retried)
    {
        for (var attempt = 1; ; attempt++)
        {
            int status;
            string text;
            try
            {
                (status, text) = await SendAsync(method, path, token, body);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                (status, text) = (0, ex.Message);
            }
            if (status is not (0 or 502 or 503 or 504) || attempt == 80)
            {
                return (status, text);
            }
            retried.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {method} {path}: {status} {text[..Math.Min(text.Length, 160)]}");
            await Task.Delay(250);
        }
    }

    /// <summary>As <see cref="SendAsync"/>, failing the test on anything but success; the answer as JSON.</summary>
    public async Task<JsonElement> SucceedAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var (status, text) = await SendAsync(method, path, token, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path}: {status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Registers an agreement signed today (or on <paramref name="signedOn"/>) between a region and a city abroad, in effect at once.</summary>
    public Task<string> RegisterAgreementAsync(string region, string indonesianCity, string foreignCity, string title, string? requestId = null, string? token = null,
        DateOnly? signedOn = null) =>
        Gateway.RegisterExistingAsync(token ?? Token("regional-officer", region), Existing(region, indonesianCity, foreignCity, title, signedOn), requestId ?? Guid.NewGuid().ToString("N"));

    /// <summary>The body of registerExisting for a sister-city MoU signed today by both heads of government.</summary>
    public static object RegisterExistingBody(string indonesianCity, string foreignCity, string title, string requestId) =>
        Existing(indonesianCity[4..], indonesianCity, foreignCity, title, null).RequestBody(requestId);

    private static ExistingAgreement Existing(string region, string indonesianCity, string foreignCity, string title, DateOnly? signedOn) =>
        new(region, indonesianCity, foreignCity, title, ["education", "culture"], signedOn ?? DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>Ids of cities abroad, to be the foreign parties of test agreements.</summary>
    public Task<IReadOnlyList<string>> ForeignCitiesAsync(int count) => Gateway.ForeignCitiesAsync(Token("operator"), count);

    /// <summary>Plans a program under <paramref name="agreement"/>; with <paramref name="retryUntilKnown"/>, tries again while
    /// the programs service has not yet heard of the agreement. Returns its id.</summary>
    public async Task<string> PlanProgramAsync(string token, string agreement, string title, bool retryUntilKnown)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v1/programs?requestId={Guid.NewGuid():N}", token, ProgramBody(agreement, title));
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal), $"plan {title}: {status} {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>Schedules an hour's virtual meeting between the two cities, two weeks ahead at 07:00 UTC unless it
    /// <paramref name="startsIn"/> some time from now; as <see cref="PlanProgramAsync"/> for the meetings service.</summary>
    public async Task<string> ScheduleMeetingAsync(string token, string agreement, string indonesianCity, string foreignCity, string title, bool retryUntilKnown,
        TimeSpan? startsIn = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}", token,
                MeetingBody(agreement, indonesianCity, foreignCity, title, startsIn));
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("is not known to the meetings service", StringComparison.Ordinal), $"schedule {title}: {status} {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>A six-month teachers' exchange starting in a month, under <paramref name="agreement"/>.</summary>
    public static object ProgramBody(string agreement, string title)
    {
        var start = DateTime.UtcNow.Date.AddDays(30);
        var end = start.AddMonths(6);
        return new
        {
            agreementId = agreement, type = "STUDENT_EXCHANGE", field = "education", title, objectives = "Teachers' exchange",
            indonesianLeadOffice = "Dinas Pendidikan", foreignLeadOffice = "Board of Education",
            startDate = new { year = start.Year, month = start.Month, day = start.Day }, endDate = new { year = end.Year, month = end.Month, day = end.Day },
            deliveryMode = "HYBRID", location = "Surabaya", sdgTargets = new[] { "4.c" },
        };
    }

    /// <summary>An hour's virtual working group of the two cities, two weeks ahead at 07:00 UTC unless it <paramref name="startsIn"/>.</summary>
    public static object MeetingBody(string agreement, string indonesianCity, string foreignCity, string title, TimeSpan? startsIn = null)
    {
        var start = startsIn is { } lead ? DateTime.UtcNow.Add(lead) : DateTime.UtcNow.Date.AddDays(14).AddHours(7);
        return new
        {
            agreementId = agreement, title, purpose = "Working group", mode = "VIRTUAL", timeZone = "Asia/Jakarta",
            startTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            endTime = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            participants = new[]
            {
                new { name = "Rina Wulandari", email = "rina@pemkot.go.id", cityId = indonesianCity, position = "Kepala Bagian Kerja Sama" },
                new { name = "Partner delegate", email = "delegate@partner.example", cityId = foreignCity, position = "International relations" },
            },
        };
    }

    /// <summary>How many of <paramref name="ids"/> the service's inbox records (at most one row per message and consumer).</summary>
    public async Task<long> InboxAsync(string service, IReadOnlyList<Guid> ids)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await Host.ConnectionStringAsync($"{service}-db"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Each service's outbox as an operator would inspect it: rows still waiting, by type, with their last error.</summary>
    public async Task<string> OutboxesAsync()
    {
        var report = new System.Text.StringBuilder();
        foreach (var service in new[] { "registry", "agreements", "programs", "funding", "meetings" })
        {
            // Unpooled: the AppHost's health checks in this process share the pool of the same connection string,
            // whose connections a PostgreSQL restart by another test has broken.
            await using var connection = new Npgsql.NpgsqlConnection(await Host.ConnectionStringAsync($"{service}-db") + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT message_type, count(*) FILTER (WHERE published_at IS NULL), count(*), max(attempts), max(last_error) FROM outbox_messages GROUP BY message_type", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                report.Append(service).Append(' ').Append(reader.GetString(0).Split(',')[0].Split('.')[^1]).Append(": ").Append(reader.GetInt64(1)).Append(" pending of ")
                    .Append(reader.GetInt64(2)).Append(", attempts ").Append(reader.IsDBNull(3) ? 0 : reader.GetInt32(3)).Append(", ")
                    .Append(reader.IsDBNull(4) ? "" : reader.GetString(4)).Append("; ");
            }
        }
        return report.ToString();
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Host.DisposeAsync();
    }
}
