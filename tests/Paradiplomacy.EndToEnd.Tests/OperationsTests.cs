using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>What the operations team does when a message cannot be handled: it waits in the service's
/// error queue (RabbitMQ's management UI is a URL of the eventbus resource) until the "Replay error
/// queue" command of that service in the Aspire dashboard sends it back to its consumer.</summary>
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

        var management = fixture.Host.Endpoint("eventbus", "management");
        using var http = new HttpClient { BaseAddress = management };
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        string? errorQueue = null;
        for (var i = 0; i < 120 && errorQueue is null; i++)
        {
            await Task.Delay(500);
            using var queues = JsonDocument.Parse(await http.GetStringAsync("/api/queues?columns=name"));
            errorQueue = queues.RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)
                .FirstOrDefault(n => n.StartsWith("registry", StringComparison.Ordinal) && n.EndsWith("_error", StringComparison.Ordinal));
        }
        Assert.NotNull(errorQueue);
        // Counted over AMQP, which is exact; the management API's figures lag by seconds.
        await using var counting = await factory.CreateConnectionAsync();
        await using var counter = await counting.CreateChannelAsync();
        async Task<long> ParkedAsync() => (await counter.QueueDeclarePassiveAsync(errorQueue)).MessageCount;
        var parked = 0L;
        for (var i = 0; i < 120 && parked == 0; i++)
        {
            await Task.Delay(500);
            parked = await ParkedAsync();
        }
        Assert.True(parked >= 1, "the failed message waits in the registry's error queue");

        // The consumer goes on with the messages after it: a real partnership, Kota Padang with Hildesheim, is heard of.
        await fixture.Host.RegisterExistingAgreementAsync(new ExistingAgreement("13.71", "idn-13.71", "gn-2904789", "Padang–Hildesheim sister city",
            ["education", "culture"], new DateOnly(2024, 11, 21)));
        Assert.Contains("gn-2904789", await fixture.Gateway.CurrentPartnersAsync("idn-13.71", "gn-2904789"));

        // The operator's command in the dashboard's menu of the registry.
        var replay = await fixture.Host.CommandAsync("registry", Hosting.Commands.OperatorCommandExtensions.ReplayErrorQueueCommand);
        Assert.True(replay.Success, replay.Message);
        // The consumer fails on it again (nothing was fixed), so it comes back to the error queue after its retries.
        var back = 0L;
        for (var i = 0; i < 120 && back == 0; i++)
        {
            await Task.Delay(500);
            back = await ParkedAsync();
        }
        Assert.Equal(parked, back);

        // The agreements service has nothing parked: the command says so instead of claiming success.
        var nothing = await fixture.Host.CommandAsync("agreements", Hosting.Commands.OperatorCommandExtensions.ReplayErrorQueueCommand);
        Assert.False(nothing.Success);
        Assert.Contains("No message waits", nothing.Message, StringComparison.Ordinal);
    }
}
