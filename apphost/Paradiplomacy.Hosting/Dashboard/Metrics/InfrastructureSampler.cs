using Npgsql;
using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;
using Paradiplomacy.Hosting.Telemetry;
using StackExchange.Redis;

namespace Paradiplomacy.Hosting.Dashboard.Metrics;

/// <summary>Every few seconds, what the servers themselves say: PostgreSQL's connections per
/// database, Redis' keyspace hits and commands, RabbitMQ's queues, and every resource's CPU and
/// memory, kept in the metrics store beside what the services send.</summary>
public sealed class InfrastructureSampler(DistributedApplication application, MetricsStore store, Func<QueueMonitor?> queues) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private NpgsqlDataSource? _postgres;
    private ConnectionMultiplexer? _redis;

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            // Each source on its own: a broker that is down must not hide the database's figures.
            await Guard("processes", SampleResourcesAsync);
            await Guard("postgres", () => SamplePostgresAsync(cancellationToken));
            await Guard("redis", SampleRedisAsync);
            await Guard("rabbitmq", () => SampleQueuesAsync(cancellationToken));
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false) && !cancellationToken.IsCancellationRequested);
    }

    private Task SampleResourcesAsync()
    {
        foreach (var resource in application.Resources.Where(r => r.State == ResourceState.Running))
        {
            var (cpu, memory) = ProcessUsage.Read(resource.Name, resource.Pids);
            var tags = new Dictionary<string, string> { ["resource"] = resource.Name };
            if (cpu is { } c)
            {
                store.RecordGauge(resource.Name, "paradiplomacy.process.cpu", tags, c);
            }
            if (memory is { } m)
            {
                store.RecordGauge(resource.Name, "paradiplomacy.process.memory", tags, m);
            }
        }
        return Task.CompletedTask;
    }

    private async Task SamplePostgresAsync(CancellationToken cancellationToken)
    {
        if (application.Resources.OfType<PostgresResource>().FirstOrDefault(r => r.State == ResourceState.Running) is not { } postgres)
        {
            return;
        }
        _postgres ??= NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres.ConnectionStringFor("postgres")) { MaxPoolSize = 1, ApplicationName = "dashboard" }.ConnectionString);
        await using var command = _postgres.CreateCommand("""
            SELECT coalesce(datname, ''), count(*), current_setting('max_connections')::int
            FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND application_name <> 'dashboard'
            GROUP BY datname
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var seen = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            seen = true;
            store.RecordGauge(postgres.Name, "paradiplomacy.postgres.connections",
                new Dictionary<string, string> { ["database"] = reader.GetString(0) }, reader.GetInt64(1));
            store.RecordGauge(postgres.Name, "paradiplomacy.postgres.max_connections", new Dictionary<string, string>(), reader.GetInt32(2));
        }
        if (!seen)
        {
            store.RecordGauge(postgres.Name, "paradiplomacy.postgres.connections", new Dictionary<string, string> { ["database"] = "(none)" }, 0);
        }
    }

    private async Task SampleRedisAsync()
    {
        if (application.Resources.OfType<RedisResource>().FirstOrDefault(r => r.State == ResourceState.Running) is not { } redis)
        {
            return;
        }
        // INFO counts as an admin command to StackExchange.Redis.
        _redis ??= await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        var info = (await _redis.GetServer(_redis.GetEndPoints()[0]).InfoAsync("stats"))
            .SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (field, result) in new[] { ("keyspace_hits", "hit"), ("keyspace_misses", "miss") })
        {
            if (info.TryGetValue(field, out var value) && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var total))
            {
                store.RecordTotal(redis.Name, "paradiplomacy.redis.keyspace", new Dictionary<string, string> { ["result"] = result }, total);
            }
        }
        if (info.TryGetValue("total_commands_processed", out var commands) && double.TryParse(commands, System.Globalization.CultureInfo.InvariantCulture, out var processed))
        {
            store.RecordTotal(redis.Name, "paradiplomacy.redis.commands", new Dictionary<string, string>(), processed);
        }
    }

    private async Task SampleQueuesAsync(CancellationToken cancellationToken)
    {
        if (queues() is not { } monitor || application.Resources.OfType<RabbitMQResource>().FirstOrDefault() is not { } broker)
        {
            return;
        }
        foreach (var queue in await monitor.QueuesAsync(cancellationToken))
        {
            var tags = new Dictionary<string, string> { ["queue"] = queue.Name };
            store.RecordGauge(broker.Name, "paradiplomacy.queue.messages", tags, queue.Messages);
            store.RecordGauge(broker.Name, "paradiplomacy.queue.delivered_rate", tags, queue.DeliverRate);
            store.RecordGauge(broker.Name, "paradiplomacy.queue.published_rate", tags, queue.PublishRate);
        }
    }

    // Per source, what its last failed sample said: a source that is down or restarting shows as a
    // gap in its charts and one line on the console, not one per sample.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    private async Task Guard(string source, Func<Task> sample)
    {
        try
        {
            await sample();
            _failures.TryRemove(source, out _);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            if (!_failures.ContainsKey(source))
            {
                Console.Error.WriteLine($"dashboard: sampling {source} failed: {ex.GetType().Name}: {ex.Message}");
            }
            _failures[source] = ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        _stop.Dispose();
    }
}
