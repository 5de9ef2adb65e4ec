using Paradiplomacy.Hosting.Telemetry.Otlp;

namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>Metrics of the last half hour in ten-second steps: what the services send by OTLP (the
/// platform's own meter) and what the dashboard samples from PostgreSQL, Redis and RabbitMQ.</summary>
public sealed class MetricsStore(TimeProvider? clock = null)
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    // Only the platform's own instruments are charted; runtime and library metrics are skipped so
    // memory stays bounded by what the page shows.
    private const string OwnPrefix = "paradiplomacy.";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly object _sync = new();
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / (long)Step.TotalMilliseconds;

    public static DateTimeOffset StartOf(long step) => DateTimeOffset.FromUnixTimeMilliseconds(step * (long)Step.TotalMilliseconds);

    public long CurrentStep => StepOf(_clock.GetUtcNow());

    public void Add(ExportMetricsServiceRequest request)
    {
        lock (_sync)
        {
            foreach (var resourceMetrics in request.ResourceMetrics)
            {
                var service = Attribute(resourceMetrics.Resource, "service.name") ?? "unknown";
                var instance = Attribute(resourceMetrics.Resource, "service.instance.id") ?? service;
                foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics).Where(m => m.Name.StartsWith(OwnPrefix, StringComparison.Ordinal)))
                {
                    AddMetric(service, instance, metric);
                }
            }
            Prune();
        }
    }

    /// <summary>A value sampled by the dashboard itself (connections, queue depth).</summary>
    public void RecordGauge(string service, string name, IReadOnlyDictionary<string, string> attributes, double value)
    {
        lock (_sync)
        {
            Series(service, service, name, MetricKind.Gauge, attributes).AddGauge(CurrentStep, value);
        }
    }

    /// <summary>A server's running total (Redis hits): the first reading is only a baseline.</summary>
    public void RecordTotal(string service, string name, IReadOnlyDictionary<string, string> attributes, double total)
    {
        lock (_sync)
        {
            Series(service, service, name, MetricKind.Counter, attributes).AddCounter(CurrentStep, total, cumulative: true, startNanos: 0, countFirst: false);
        }
    }

    /// <summary>Reads series of one metric under the store's lock.</summary>
    public T Read<T>(string name, Func<IReadOnlyList<MetricSeries>, T> read)
    {
        lock (_sync)
        {
            return read(_series.Values.Where(s => s.Name == name).ToList());
        }
    }

    private void AddMetric(string service, string instance, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Sum:
                foreach (var point in metric.Sum.DataPoints)
                {
                    var kind = metric.Sum.IsMonotonic ? MetricKind.Counter : MetricKind.Gauge;
                    var series = Series(service, instance, metric.Name, kind, Attributes(point.Attributes));
                    if (kind == MetricKind.Counter)
                    {
                        series.AddCounter(StepOf(point.TimeUnixNano), Value(point), metric.Sum.AggregationTemporality == 2, point.StartTimeUnixNano, countFirst: true);
                    }
                    else
                    {
                        series.AddGauge(StepOf(point.TimeUnixNano), Value(point));
                    }
                }
                break;
            case Metric.DataOneofCase.Gauge:
                foreach (var point in metric.Gauge.DataPoints)
                {
                    Series(service, instance, metric.Name, MetricKind.Gauge, Attributes(point.Attributes)).AddGauge(StepOf(point.TimeUnixNano), Value(point));
                }
                break;
            case Metric.DataOneofCase.Histogram:
                foreach (var point in metric.Histogram.DataPoints)
                {
                    Series(service, instance, metric.Name, MetricKind.Histogram, Attributes(point.Attributes)).AddHistogram(
                        StepOf(point.TimeUnixNano), point.ExplicitBounds, point.BucketCounts, metric.Histogram.AggregationTemporality == 2, point.StartTimeUnixNano);
                }
                break;
        }
    }

    private MetricSeries Series(string service, string instance, string name, MetricKind kind, IReadOnlyDictionary<string, string> attributes)
    {
        var key = string.Join('\u001f', new[] { instance, name }.Concat(attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
        if (!_series.TryGetValue(key, out var series))
        {
            _series[key] = series = new MetricSeries(service, instance, name, kind, attributes);
        }
        return series;
    }

    private void Prune()
    {
        var oldest = StepOf(_clock.GetUtcNow() - Kept);
        foreach (var (key, series) in _series.ToList())
        {
            series.Forget(oldest);
            if (series.IsEmpty)
            {
                _series.Remove(key);
            }
        }
    }

    private static long StepOf(ulong nanos) => StepOf(DateTimeOffset.FromUnixTimeMilliseconds((long)(nanos / 1_000_000)));

    private static double Value(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => TelemetryStore.Text(a.Value), StringComparer.Ordinal);

    private static string? Attribute(Resource? resource, string key) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == key)?.Value?.StringValue is { Length: > 0 } value ? value : null;
}
