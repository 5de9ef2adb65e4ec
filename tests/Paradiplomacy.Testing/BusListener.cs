using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Paradiplomacy.Testing;

/// <summary>A plain AMQP consumer on a durable queue bound to the exchange MassTransit publishes an
/// event type to, standing in for another service. The queue survives a broker restart.</summary>
public sealed class BusListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _messages = new();
    private readonly string _queue;
    private readonly string _uri;
    private IConnection? _connection;
    private IChannel? _channel;

    private BusListener(string uri, string queue)
    {
        _uri = uri;
        _queue = queue;
    }

    public IReadOnlyCollection<JsonElement> Messages => _messages;

    public static string ExchangeFor(string eventName) => $"Paradiplomacy.Contracts.IntegrationEvents:{eventName}";

    /// <summary>Declares the queue and binding, then consumes.</summary>
    public static async Task<BusListener> StartAsync(string uri, string eventName, string queue)
    {
        var listener = new BusListener(uri, queue);
        await using (var setup = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync())
        await using (var channel = await setup.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(ExchangeFor(eventName), ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, ExchangeFor(eventName), string.Empty);
        }
        await listener.ConsumeAsync();
        return listener;
    }

    /// <summary>(Re)connects and consumes; after a broker restart the durable queue still holds what arrived.</summary>
    public async Task ConsumeAsync()
    {
        await CloseAsync();
        _connection = await new ConnectionFactory { Uri = new Uri(_uri) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using var json = JsonDocument.Parse(delivery.Body);
            _messages.Enqueue(json.RootElement.Clone());
            await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await _channel.BasicConsumeAsync(_queue, autoAck: false, consumer);
    }

    /// <summary>Messages (MassTransit envelopes) whose payload satisfies <paramref name="match"/>.</summary>
    public IReadOnlyList<JsonElement> Matching(Func<JsonElement, bool> match) =>
        _messages.Where(m => m.TryGetProperty("message", out var payload) && match(payload)).ToList();

    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Matching(match);
            if (found.Count > 0)
            {
                return found;
            }
            await Task.Delay(100);
        }
        return [];
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or ObjectDisposedException or IOException)
        {
            // The broker went away under it.
        }
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
