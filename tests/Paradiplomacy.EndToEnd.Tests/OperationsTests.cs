using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>What the operations team sees when a message cannot be handled: the error queue on the
/// dashboard, named among the problems, and a replay that sends it back to its consumer.</summary>
[Collection(SystemCollection.Name)]
public class OperationsTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_message_a_consumer_cannot_handle_shows_in_its_error_queue_and_can_be_replayed()
    {
        // An AgreementActivated without parties: the registry's consumer fails on it, retries, then gives up.
        var body = JsonSerializer.Serialize(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:Paradiplomacy.Contracts.IntegrationEvents:AgreementActivated", "urn:message:Paradiplomacy.Contracts.IntegrationEvents:AgreementEvent" },
            message = new { agreementId = (string?)null, agreementVersion = 1, status = "Active", kind = "SisterCity" },
        });
        var factory = new ConnectionFactory { Uri = new Uri(fixture.EventBus) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.BasicPublishAsync("Paradiplomacy.Contracts.IntegrationEvents:AgreementActivated", string.Empty, false,
                new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true }, Encoding.UTF8.GetBytes(body));
        }

        using var dashboard = new HttpClient { BaseAddress = new Uri(fixture.App.DashboardUrl) };
        string? errorQueue = null;
        for (var i = 0; i < 120 && errorQueue is null; i++)
        {
            await Task.Delay(500);
            using var queues = JsonDocument.Parse(await dashboard.GetStringAsync("/api/queues"));
            errorQueue = queues.RootElement.EnumerateArray()
                .Where(q => q.GetProperty("isErrorQueue").GetBoolean() && q.GetProperty("messages").GetInt64() > 0 && q.GetProperty("name").GetString()!.StartsWith("registry", StringComparison.Ordinal))
                .Select(q => q.GetProperty("name").GetString()).FirstOrDefault();
        }
        Assert.NotNull(errorQueue);

        using var problems = JsonDocument.Parse(await dashboard.GetStringAsync("/api/problems"));
        Assert.Contains(problems.RootElement.EnumerateArray(), p => p.GetString()!.Contains(errorQueue, StringComparison.Ordinal));

        using var replay = await dashboard.PostAsync($"/api/queues/{errorQueue}:replay", null);
        using var replayed = JsonDocument.Parse(await replay.Content.ReadAsStringAsync());
        Assert.True(replayed.RootElement.GetProperty("moved").GetInt32() >= 1);

        using var notAnErrorQueue = await dashboard.PostAsync($"/api/queues/{errorQueue[..^"_error".Length]}:replay", null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, notAnErrorQueue.StatusCode);
    }

    [Fact]
    public async Task A_resources_console_streams_its_lines_and_a_reconnect_resumes_after_the_last_one_seen()
    {
        using var dashboard = new HttpClient { BaseAddress = new Uri(fixture.App.DashboardUrl) };
        var first = await ReadEventsAsync(dashboard, "/api/logs/stream?resource=gateway", lastEventId: null, count: 3);
        Assert.Equal(3, first.Count);
        Assert.True(first[1].Id > first[0].Id && first[2].Id > first[1].Id);
        Assert.All(first, e => Assert.False(string.IsNullOrEmpty(e.Text)));

        // A request makes the gateway print its access line; a reconnect from line 2 gets line 3 and what followed.
        (await fixture.Gateway.GetAsync("/api/v1/cities/idn-35.78")).Dispose();
        var resumed = await ReadEventsAsync(dashboard, "/api/logs/stream?resource=gateway", lastEventId: first[1].Id, count: 1);
        Assert.Equal(first[2].Id, resumed[0].Id);

        using var unknown = await dashboard.GetAsync("/api/logs/stream?resource=nope");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<List<(long Id, string Text)>> ReadEventsAsync(HttpClient dashboard, string path, long? lastEventId, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await dashboard.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(long, string)>();
        long current = 0;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                current = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line[6..]);
                events.Add((current, json.RootElement.GetProperty("text").GetString()!));
            }
        }
        return events;
    }
}
