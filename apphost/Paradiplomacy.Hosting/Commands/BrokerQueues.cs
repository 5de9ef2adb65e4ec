using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using global::RabbitMQ.Client;

namespace Paradiplomacy.Hosting.Commands;

/// <summary>The broker's queues as the operator commands see them: a service's error queues (MassTransit
/// parks a message there after its retries; replaying moves each back to the queue it failed on, where
/// only that consumer sees it), and purging every queue for a development reset.</summary>
public sealed class BrokerQueues(string connectionString, Uri managementUrl)
{
    public const string Suffix = "_error";

    /// <summary>The queues of a broker resource: its connection string and its management endpoint.</summary>
    public static async Task<BrokerQueues> OfAsync(IResourceWithConnectionString broker, CancellationToken ct)
    {
        var connectionString = await broker.GetConnectionStringAsync(ct) ?? throw new InvalidOperationException("The broker has no connection string yet.");
        var management = ((IResourceWithEndpoints)broker).GetEndpoint("management");
        return new BrokerQueues(connectionString, new Uri(management.Url));
    }

    /// <summary>The error queues of one service (its queues are named "{service}-…") with their depth:
    /// names from the management API, depths over AMQP, which is exact (the API's figures lag by seconds).</summary>
    public async Task<IReadOnlyList<(string Name, long Messages)>> ListAsync(string service, CancellationToken ct)
    {
        using var http = ManagementClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/queues?columns=name", ct));
        var names = json.RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)
            .Where(name => name.StartsWith(service + "-", StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal))
            .ToList();
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var queues = new List<(string, long)>();
        foreach (var name in names)
        {
            queues.Add((name, (await channel.QueueDeclarePassiveAsync(name, ct)).MessageCount));
        }
        return queues;
    }

    /// <summary>The queues a service's replicas consume (not its error queues), each with how many consumers
    /// it has now (one per running replica) and its type (classic or quorum).</summary>
    public async Task<IReadOnlyList<(string Name, int Consumers, string Type)>> ConsumersAsync(string service, CancellationToken ct)
    {
        using var http = ManagementClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/queues?columns=name,consumers,type", ct));
        return json.RootElement.EnumerateArray()
            .Select(q => (Name: q.GetProperty("name").GetString()!, Consumers: q.TryGetProperty("consumers", out var c) ? c.GetInt32() : 0,
                Type: q.TryGetProperty("type", out var t) ? t.GetString() ?? "" : ""))
            .Where(q => q.Name.StartsWith(service + "-", StringComparison.Ordinal) && !q.Name.EndsWith(Suffix, StringComparison.Ordinal)
                        && !q.Name.EndsWith("_skipped", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Moves what the error queue holds now back to its queue; returns how many moved. A message
    /// that fails again comes back to the error queue and is not replayed twice in one call.</summary>
    public async Task<int> ReplayAsync(string errorQueue, CancellationToken ct)
    {
        if (!errorQueue.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{errorQueue}' is not an error queue (its name ends in {Suffix}).", nameof(errorQueue));
        }
        var target = errorQueue[..^Suffix.Length];
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, ct)).MessageCount;
        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message)
        {
            await channel.BasicPublishAsync(string.Empty, target, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    /// <summary>Empties every queue of the broker; returns how many there were.</summary>
    public async Task<int> PurgeAllAsync(CancellationToken ct)
    {
        using var http = ManagementClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/queues?columns=name,vhost", ct));
        foreach (var queue in json.RootElement.EnumerateArray())
        {
            var vhost = Uri.EscapeDataString(queue.GetProperty("vhost").GetString()!);
            var name = Uri.EscapeDataString(queue.GetProperty("name").GetString()!);
            using var purged = await http.DeleteAsync($"/api/queues/{vhost}/{name}/contents", ct);
            purged.EnsureSuccessStatusCode();
        }
        return json.RootElement.GetArrayLength();
    }

    /// <summary>The management API with the broker's own credentials.</summary>
    private HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = managementUrl, Timeout = TimeSpan.FromSeconds(10) };
        var credentials = new Uri(connectionString).UserInfo is { Length: > 0 } user ? Uri.UnescapeDataString(user) : "guest:guest";
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return http;
    }
}
