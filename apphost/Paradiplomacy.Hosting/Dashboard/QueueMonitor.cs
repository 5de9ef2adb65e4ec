using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Paradiplomacy.Hosting.Resources;
using RabbitMQ.Client;

namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>Queues of the broker (depth, consumers, rates) from RabbitMQ's management API, and the
/// replay of an error queue: its messages go back to the queue they failed on.</summary>
public sealed class QueueMonitor(RabbitMQResource broker) : IDisposable
{
    public const string ErrorSuffix = "_error";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<IReadOnlyList<QueueSnapshot>> QueuesAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{broker.ManagementUrl}/api/queues");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.EnumerateArray().Select(q => new QueueSnapshot(
                q.GetProperty("name").GetString()!,
                q.TryGetProperty("messages", out var m) ? m.GetInt64() : 0,
                q.TryGetProperty("consumers", out var c) ? c.GetInt32() : 0,
                Rate(q, "publish_details"),
                Rate(q, "deliver_get_details"),
                q.GetProperty("name").GetString()!.EndsWith(ErrorSuffix, StringComparison.Ordinal)))
            .OrderByDescending(q => q.IsErrorQueue && q.Messages > 0).ThenBy(q => q.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Moves every message of an error queue back to its queue; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string errorQueue, CancellationToken cancellationToken)
    {
        if (!errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{errorQueue}' is not an error queue (its name ends in {ErrorSuffix}).", nameof(errorQueue));
        }
        var target = errorQueue[..^ErrorSuffix.Length];
        var factory = new ConnectionFactory { Uri = new Uri(broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Only what is there now: a message that fails again and comes back is not replayed twice.
        var waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            // Published to the queue itself (default exchange): only the consumer that failed sees it again.
            await channel.BasicPublishAsync(string.Empty, target, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(details, out var d) && d.TryGetProperty("rate", out var rate)
            ? Math.Round(rate.GetDouble(), 2)
            : 0;

    public void Dispose() => _http.Dispose();
}
