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
}
