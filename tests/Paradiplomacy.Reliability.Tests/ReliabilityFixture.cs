using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>The whole system as the AppHost describes it, on throw-away state, for tests that kill its parts.</summary>
public sealed class ReliabilityFixture : IAsyncLifetime
{
    public PlatformTestHost Host { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public string EventBus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every test calls from loopback, so all anonymous calls share one per-address quota (120 a minute): the
        // fuzzer's anonymous half would mostly meet the limiter, and a later test's anonymous read be refused.
        // Signed-in limits, which the abuse and cache tests exercise, stay as configured.
        Host = await PlatformTestHost.StartAsync("reliability", configure: builder =>
            builder.CreateResourceBuilder((ProjectResource)builder.Resources.Single(r => r.Name == "gateway"))
                .WithEnvironment("Gateway__RateLimits__Anonymous", "1000000"));
        EventBus = await Host.ConnectionStringAsync("eventbus");
        Gateway = new HttpClient { BaseAddress = Host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Token(string role, string? region = null, string? ministry = null, string? subject = null) => Host.Token(role, region, ministry, subject);

    /// <summary>Sends through the gateway as <paramref name="token"/> (none: anonymous); the status and the body, whatever they are.</summary>
    public Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        Gateway.CallAsync(method, path, token, body);

    /// <summary>As <see cref="SendAsync"/>, failing the test on anything but success; the answer as JSON.</summary>
    public async Task<JsonElement> SucceedAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var (status, text) = await SendAsync(method, path, token, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path}: {status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Registers an agreement signed today between a region and a city abroad, in effect at once.</summary>
    public async Task<string> RegisterAgreementAsync(string region, string indonesianCity, string foreignCity, string title, string? requestId = null, string? token = null)
    {
        var agreement = await SucceedAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", token ?? Token("regional-officer", region),
            RegisterExistingBody(indonesianCity, foreignCity, title, requestId ?? Guid.NewGuid().ToString("N")));
        return agreement.GetProperty("id").GetString()!;
    }

    /// <summary>The body of registerExisting for a sister-city MoU signed today by both heads of government.</summary>
    public static object RegisterExistingBody(string indonesianCity, string foreignCity, string title, string requestId)
    {
        var today = DateTime.UtcNow;
        var signedOn = new { year = today.Year, month = today.Month, day = today.Day };
        object Signatory(string name) => new { name, title = name, signedOn, place = "Jakarta" };
        return new
        {
            agreement = new
            {
                kind = "SISTER_CITY", title, indonesianParty = new { cityId = indonesianCity }, foreignParties = new[] { new { cityId = foreignCity } },
                fields = new[] { "education", "culture" }, objectives = "Exchanges and training", mechanisms = "Annual working visits", validityMonths = 60,
            },
            instruments = new[] { new { type = "MEMORANDUM_OF_UNDERSTANDING", indonesianSignatory = Signatory("Wali Kota"), foreignSignatory = Signatory("Mayor") } },
            source = "Signed MoU kept by Bagian Kerja Sama",
            requestId,
        };
    }

    /// <summary>Ids of cities abroad (Japan's, then the United States'), to be the foreign parties of test
    /// agreements: a region has one agreement of a kind with each.</summary>
    public async Task<IReadOnlyList<string>> ForeignCitiesAsync(int count)
    {
        var ids = new List<string>();
        foreach (var country in new[] { "JP", "US", "CN" })
        {
            // As an operator: not limited, so the anonymous quota other tests use up never refuses it.
            var page = await SucceedAsync(HttpMethod.Get, $"/api/v1/cities?filter=country%20%3D%20%22{country}%22&page_size=100", Token("operator"));
            ids.AddRange(page.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        Assert.True(ids.Count >= count, $"only {ids.Count} foreign cities are loaded");
        return ids.Take(count).ToList();
    }

    /// <summary>Plans a program under <paramref name="agreement"/>; with <paramref name="retryUntilKnown"/>, tries again while
    /// the programs service has not yet heard of the agreement. Returns its id.</summary>
    public async Task<string> PlanProgramAsync(string token, string agreement, string title, bool retryUntilKnown)
    {
        var start = DateTime.UtcNow.Date.AddDays(30);
        var end = start.AddMonths(6);
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v1/programs?requestId={Guid.NewGuid():N}", token, new
            {
                agreementId = agreement, type = "STUDENT_EXCHANGE", field = "education", title, objectives = "Teachers' exchange",
                indonesianLeadOffice = "Dinas Pendidikan", foreignLeadOffice = "Board of Education",
                startDate = new { year = start.Year, month = start.Month, day = start.Day }, endDate = new { year = end.Year, month = end.Month, day = end.Day },
                deliveryMode = "HYBRID", location = "Surabaya", sdgTargets = new[] { "4.c" },
            });
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal), $"plan {title}: {status} {body}");
            await Task.Delay(200);
        }
    }

    /// <summary>Schedules a virtual meeting two weeks ahead between the two cities; as <see cref="PlanProgramAsync"/> for the meetings service.</summary>
    public async Task<string> ScheduleMeetingAsync(string token, string agreement, string indonesianCity, string foreignCity, string title, bool retryUntilKnown)
    {
        var start = DateTime.UtcNow.Date.AddDays(14).AddHours(7);
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}", token, new
            {
                agreementId = agreement, title, purpose = "Working group", mode = "VIRTUAL", timeZone = "Asia/Jakarta",
                startTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                endTime = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                participants = new[]
                {
                    new { name = "Rina Wulandari", email = "rina@pemkot.go.id", cityId = indonesianCity, position = "Kepala Bagian Kerja Sama" },
                    new { name = "Partner delegate", email = "delegate@partner.example", cityId = foreignCity, position = "International relations" },
                },
            });
            if (status == 200)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            }
            Assert.True(retryUntilKnown && attempt < 150 && body.Contains("is not known to the meetings service", StringComparison.Ordinal), $"schedule {title}: {status} {body}");
            await Task.Delay(200);
        }
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
