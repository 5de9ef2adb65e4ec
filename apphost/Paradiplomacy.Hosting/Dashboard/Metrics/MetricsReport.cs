using Paradiplomacy.Hosting.Telemetry;

namespace Paradiplomacy.Hosting.Dashboard.Metrics;

/// <summary>GET /api/metrics: every chart of the Metrics tab over the chosen window, one value per
/// ten-second step. Charts end at the last complete step; method tables count the current one too.</summary>
public sealed record MetricsReport(
    int StepSeconds,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<ServiceRequests> Services,
    IReadOnlyList<NamedSeries> OutboxPending,
    IReadOnlyList<NamedSeries> OutboxOldestPendingSeconds,
    IReadOnlyList<NamedSeries> CacheHitPercent,
    IReadOnlyList<NamedSeries> QueueMessages,
    IReadOnlyList<NamedSeries> QueueDeliveredPerSecond,
    IReadOnlyList<NamedSeries> QueuePublishedPerSecond,
    IReadOnlyList<NamedSeries> PostgresConnections,
    double? PostgresMaxConnections,
    IReadOnlyList<NamedSeries> RedisHitPercent,
    IReadOnlyList<NamedSeries> RedisCommandsPerSecond,
    IReadOnlyList<NamedSeries> CpuPercent,
    IReadOnlyList<NamedSeries> MemoryMiB)
{
    public static MetricsReport Build(MetricsStore store, TimeSpan window)
    {
        var current = store.CurrentStep;
        var count = (int)Math.Clamp(window / MetricsStore.Step, 1, MetricsStore.Kept / MetricsStore.Step);
        var steps = Enumerable.Range(0, count).Select(i => current - count + i).ToArray();
        var seconds = MetricsStore.Step.TotalSeconds;

        return new MetricsReport(
            (int)seconds,
            steps.Select(MetricsStore.StartOf).ToList(),
            store.Read("paradiplomacy.request.duration", series => Requests(series, steps, current)),
            store.Read("paradiplomacy.outbox.pending", series => Sum(series, steps, s => s.Service)),
            store.Read("paradiplomacy.outbox.oldest_pending_age", series => Max(series, steps, s => s.Service)),
            store.Read("paradiplomacy.cache.lookups", series => series.GroupBy(s => s.Service, StringComparer.Ordinal).Select(g =>
                new NamedSeries(g.Key, steps.Select(step => Percent(
                    g.Where(s => s.Attribute("result") != "miss").Sum(s => s.At(step)?.Value ?? 0),
                    g.Sum(s => s.At(step)?.Value ?? 0))).ToList())).ToList()),
            store.Read("paradiplomacy.queue.messages", series => Sum(series, steps, s => s.Attribute("queue"))),
            store.Read("paradiplomacy.queue.delivered_rate", series => Sum(series, steps, s => s.Attribute("queue"))),
            store.Read("paradiplomacy.queue.published_rate", series => Sum(series, steps, s => s.Attribute("queue"))),
            store.Read("paradiplomacy.postgres.connections", series => Sum(series, steps, s => s.Attribute("database"))),
            store.Read("paradiplomacy.postgres.max_connections", series => series.Select(s => s.At(current - 1)?.Value ?? s.At(current)?.Value).FirstOrDefault()),
            store.Read("paradiplomacy.redis.keyspace", series => series.GroupBy(s => s.Service, StringComparer.Ordinal).Select(g =>
                new NamedSeries(g.Key, steps.Select(step => Percent(
                    g.Where(s => s.Attribute("result") == "hit").Sum(s => s.At(step)?.Value ?? 0),
                    g.Sum(s => s.At(step)?.Value ?? 0))).ToList())).ToList()),
            store.Read("paradiplomacy.redis.commands", series => Sum(series, steps, s => s.Service)
                .Select(n => new NamedSeries(n.Name, n.Values.Select(v => v / seconds).ToList())).ToList()),
            store.Read("paradiplomacy.process.cpu", series => Max(series, steps, s => s.Service)),
            store.Read("paradiplomacy.process.memory", series => Max(series, steps, s => s.Service)));
    }

    private static List<ServiceRequests> Requests(IReadOnlyList<MetricSeries> series, long[] steps, long current)
    {
        var seconds = MetricsStore.Step.TotalSeconds;
        var windowSeconds = (steps.Length + 1) * seconds;
        var withCurrent = steps.Append(current).ToArray();
        return series.GroupBy(s => s.Service, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(service =>
        {
            var perStep = steps.Select(step => Merge(service, step)).ToList();
            var methods = service.GroupBy(s => s.Attribute("method"), StringComparer.Ordinal).Select(method =>
            {
                var all = Merge(method, withCurrent);
                return new MethodRequests(method.Key, all.Calls, Round(all.Calls / windowSeconds),
                    Round(Percent(all.Faults, all.Calls) ?? 0), Round(Percent(all.Refused, all.Calls) ?? 0),
                    Milliseconds(all.Quantile(0.5)), Milliseconds(all.Quantile(0.99)));
            }).OrderByDescending(m => m.Calls).ThenBy(m => m.Method, StringComparer.Ordinal).ToList();
            return new ServiceRequests(service.Key,
                perStep.Select(p => p.Seen ? Round(p.Calls / seconds) : (double?)null).ToList(),
                perStep.Select(p => Percent(p.Faults, p.Calls)).ToList(),
                perStep.Select(p => Milliseconds(p.Quantile(0.5))).ToList(),
                perStep.Select(p => Milliseconds(p.Quantile(0.99))).ToList(),
                methods);
        }).ToList();
    }

    private static CallCounts Merge(IEnumerable<MetricSeries> series, params long[] steps)
    {
        var counts = new CallCounts();
        foreach (var s in series)
        {
            foreach (var step in steps)
            {
                if (s.At(step) is not { Buckets: { } buckets })
                {
                    continue;
                }
                counts.Seen = true;
                var calls = buckets.Sum();
                counts.Calls += calls;
                switch (s.Attribute("outcome"))
                {
                    case "fault":
                        counts.Faults += calls;
                        break;
                    case "refused":
                        counts.Refused += calls;
                        break;
                }
                if (counts.Bounds is null)
                {
                    counts.Bounds = s.Bounds;
                    counts.Buckets = new long[buckets.Length];
                }
                if (counts.Buckets!.Length == buckets.Length)
                {
                    for (var i = 0; i < buckets.Length; i++)
                    {
                        counts.Buckets[i] += buckets[i];
                    }
                }
            }
        }
        return counts;
    }

    private static List<NamedSeries> Sum(IReadOnlyList<MetricSeries> series, long[] steps, Func<MetricSeries, string> name) =>
        series.GroupBy(name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new NamedSeries(g.Key,
            steps.Select(step => g.Select(s => s.At(step)?.Value).Where(v => v is not null).Aggregate((double?)null, (a, v) => (a ?? 0) + v)).ToList())).ToList();

    private static List<NamedSeries> Max(IReadOnlyList<MetricSeries> series, long[] steps, Func<MetricSeries, string> name) =>
        series.GroupBy(name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new NamedSeries(g.Key,
            steps.Select(step => g.Select(s => s.At(step)?.Value).Where(v => v is not null).Max()).ToList())).ToList();

    private static double? Percent(double part, double whole) => whole > 0 ? Round(100 * part / whole) : null;

    private static double? Milliseconds(double? seconds) => seconds is { } s ? Round(s * 1000) : null;

    private static double Round(double value) => Math.Round(value, 2);

    private sealed class CallCounts
    {
        public bool Seen { get; set; }

        public long Calls { get; set; }

        public long Faults { get; set; }

        public long Refused { get; set; }

        public IReadOnlyList<double>? Bounds { get; set; }

        public long[]? Buckets { get; set; }

        public double? Quantile(double q) => Bounds is null || Buckets is null ? null : HistogramQuantile.Of(q, Bounds, Buckets);
    }
}
