using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using Paradiplomacy.Testing;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The whole system exactly as the AppHost describes it, started by Aspire.Hosting.Testing on
/// free ports and throw-away state, with the Aspire dashboard the operations team watches.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public PlatformTestHost Host { get; private set; } = null!;

    public DashboardAccess Dashboard => Host.Dashboard!;

    public HttpClient Gateway { get; private set; } = null!;

    public GrpcChannel GatewayGrpc { get; private set; } = null!;

    public string EventBus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await PlatformTestHost.StartAsync("e2e", withDashboard: true);
        EventBus = await Host.ConnectionStringAsync("eventbus");
        Gateway = new HttpClient { BaseAddress = Host.GatewayUrl };
        GatewayGrpc = GrpcChannel.ForAddress(Host.GatewayGrpcUrl);
    }

    public string Token(string role, string? region = null, string? ministry = null, string? subject = null) => Host.Token(role, region, ministry, subject);

    /// <summary>POSTs as <paramref name="token"/> and returns the answer; while the programs service has not
    /// yet heard (by event) of an agreement that just took effect, tries again.</summary>
    public async Task<JsonElement> PostProgramsAsync(string path, string token, object body)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await Gateway.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            Assert.True(attempt < 100 && text.Contains("AGREEMENT_NOT_ACTIVE", StringComparison.Ordinal), $"{path}: {text}");
            await Task.Delay(200);
        }
    }

    /// <summary>Schedules a meeting through the gateway, once the meetings service has heard of its agreement.</summary>
    public async Task<JsonElement> ScheduleMeetingAsync(string token, object meeting)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}") { Content = JsonContent.Create(meeting) };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await Gateway.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            Assert.True(attempt < 150 && text.Contains("is not known to the meetings service", StringComparison.Ordinal), $"schedule: {text}");
            await Task.Delay(200);
        }
    }

    /// <summary>A virtual meeting a week from now at 07:00 UTC (14:00 WIB), one participant from each side.</summary>
    public static object MeetingBody(string agreementId, string indonesianCity, string foreignCity, string title, string indonesianEmail, string foreignEmail)
    {
        var start = DateTime.UtcNow.Date.AddDays(7).AddHours(7);
        return new
        {
            agreementId, title, purpose = "Working group", mode = "VIRTUAL", timeZone = "Asia/Jakarta",
            startTime = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            endTime = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            agenda = new[] { new { title = new { texts = new Dictionary<string, string> { ["id"] = "Pembukaan", ["en"] = "Opening" } }, durationMinutes = 10 } },
            participants = new[]
            {
                new { name = "Rina Wulandari", email = indonesianEmail, cityId = indonesianCity, position = "Kepala Bagian Kerja Sama" },
                new { name = "Partner delegate", email = foreignEmail, cityId = foreignCity, position = "International relations" },
            },
        };
    }

    /// <summary>Sends through the gateway's REST port as <paramref name="token"/> (none: anonymous) and returns the body of a success.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var (status, text) = await Gateway.CallAsync(method, path, token, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path}: {status} {text}");
        return text;
    }

    /// <summary>Registers DOMAIN.md's partnerships as their regions' officers would (scripts/import-sample-partnerships.py); safe to run again.</summary>
    public async Task ImportSampleAsync()
    {
        var info = new ProcessStartInfo("python3")
        {
            ArgumentList = { Path.Combine(Hosting.RepositoryRoot.Find(), "scripts", "import-sample-partnerships.py"), "--gateway", Host.GatewayUrl.ToString().TrimEnd('/'), "--identity", Host.IdentityUrl },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        GatewayGrpc.Dispose();
        await Host.DisposeAsync();
    }
}
