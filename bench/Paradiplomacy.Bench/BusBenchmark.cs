using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Paradiplomacy.Contracts.Registry.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Paradiplomacy.Bench;

/// <summary>Events through the platform (profile update → outbox row in the same transaction → relay
/// → RabbitMQ with confirms → a consumer) against RabbitMQ.Client publishing with confirms and
/// consuming raw, the most the broker allows here. Lag is commit-to-delivery.</summary>
public sealed class BusBenchmark(string amqpUri, CityRegistry.CityRegistryClient registry, Func<string, Task<string>> officerOf, TimeSpan duration, int clients)
{
    private const string Exchange = "Paradiplomacy.Contracts.IntegrationEvents:CityProfileUpdated";

    public async Task<(double EventsPerSecond, double LagP50, double LagP99)> PlatformAsync()
    {
        // An event can arrive before its update's response does: whichever of the two comes second
        // closes the pair (lag 0 when the event was first).
        var sent = new ConcurrentDictionary<string, long>();
        var arrived = new ConcurrentDictionary<string, long>();
        var lags = new ConcurrentBag<double>();
        var pairing = new object();
        await using var tap = await TapAsync("platform", (_, delivery) =>
        {
            using var json = JsonDocument.Parse(delivery.Body);
            var message = json.RootElement.GetProperty("message");
            var key = $"{message.GetProperty("cityId").GetString()}|{message.GetProperty("etag").GetString()}";
            lock (pairing)
            {
                if (sent.TryRemove(key, out var at))
                {
                    lags.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
                else
                {
                    arrived[key] = Stopwatch.GetTimestamp();
                }
            }
            return Task.CompletedTask;
        });

        // Each client updates its own city, so no two writers contend for a row.
        // Each by an officer of that regency.
        var regencies = (await registry.ListCitiesAsync(new ListCitiesRequest { Filter = "country = \"ID\" AND level = REGENCY", PageSize = clients })).Cities;
        var cities = regencies.Select(c => c.Id).ToList();
        var auths = new Dictionary<string, Metadata>();
        foreach (var regency in regencies)
        {
            auths[regency.Id] = new Metadata { { "Authorization", $"Bearer {await officerOf(regency.Code)}" } };
        }
        var until = DateTime.UtcNow + duration;
        var updates = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(cities.Select(async (id, worker) =>
        {
            var n = 0;
            while (DateTime.UtcNow < until)
            {
                var city = await registry.UpdateCityProfileAsync(new UpdateCityProfileRequest
                {
                    Id = id,
                    Profile = new CityProfile { Summary = $"bench {worker} {n++}" },
                    UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("summary"),
                }, auths[id]);
                var key = $"{id}|{city.Etag}";
                lock (pairing)
                {
                    if (arrived.TryRemove(key, out _))
                    {
                        lags.Add(0);
                    }
                    else
                    {
                        sent[key] = Stopwatch.GetTimestamp();
                    }
                }
                Interlocked.Increment(ref updates);
            }
        }));
        // Wait for the stragglers (at most 30 s), then count what arrived.
        for (var i = 0; i < 300 && !sent.IsEmpty; i++)
        {
            await Task.Delay(100);
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var ordered = lags.Order().ToList();
        return (ordered.Count / elapsed, Percentile(ordered, 50), Percentile(ordered, 99));
    }

    /// <summary>The relay alone: <paramref name="backlog"/> copies of the last CityProfileUpdated outbox row written into
    /// registry-db at once (as after the broker was away), drained by the registry's relay to a consumer. No service
    /// consumes that event, so the consumer here is its only one. Returns events per second from the rows' commit to
    /// the last delivery, and the seconds that took.</summary>
    public async Task<(double EventsPerSecond, double Seconds)> BacklogAsync(Npgsql.NpgsqlDataSource registryDb, int backlog)
    {
        var received = 0;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var tap = await TapAsync("backlog", (_, _) =>
        {
            if (Interlocked.Increment(ref received) == backlog)
            {
                drained.TrySetResult();
            }
            return Task.CompletedTask;
        });

        await using var insert = registryDb.CreateCommand("""
            INSERT INTO outbox_messages (id, message_type, payload, occurred_at, attempts)
            SELECT gen_random_uuid(), t.message_type, t.payload, now(), 0
            FROM (SELECT message_type, payload FROM outbox_messages WHERE message_type LIKE '%CityProfileUpdated%' ORDER BY sequence DESC LIMIT 1) t,
                 generate_series(1, $1)
            """);
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = backlog });
        var started = Stopwatch.GetTimestamp();
        var written = await insert.ExecuteNonQueryAsync();
        if (written != backlog)
        {
            throw new InvalidOperationException($"{written} outbox rows written, not {backlog}: is there no CityProfileUpdated row to copy?");
        }
        await Task.WhenAny(drained.Task, Task.Delay(TimeSpan.FromMinutes(10)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (received / seconds, seconds);
    }

    public async Task<double> RawAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = (await consumerChannel.QueueDeclareAsync($"bench-raw-{Guid.NewGuid():N}", durable: true, exclusive: false, autoDelete: true)).QueueName;
        var received = 0;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += (_, _) =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: true, consumer);

        var body = Encoding.UTF8.GetBytes(new string('x', 600)); // about the size of a CityProfileUpdated envelope
        var until = DateTime.UtcNow + duration;
        var published = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            var properties = new BasicProperties { Persistent = true };
            while (DateTime.UtcNow < until)
            {
                // One message at a time per client, each confirmed, as the relay publishes.
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, body);
                Interlocked.Increment(ref published);
            }
        }));
        for (var i = 0; i < 300 && received < published; i++)
        {
            await Task.Delay(100);
        }
        return received / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>A queue of the bench's own bound to the event's exchange, consumed by <paramref name="received"/>;
    /// disposing the connection closes it.</summary>
    private async Task<IConnection> TapAsync(string name, AsyncEventHandler<BasicDeliverEventArgs> received)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync($"bench-{name}-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += received;
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return connection;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
