namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>One time series (a metric of one process with one set of attributes) in steps.
/// Cumulative points become deltas here, so a restarted process (new start time, or a value that
/// went down) starts counting again instead of showing a negative rate.</summary>
public sealed class MetricSeries(string service, string instance, string name, MetricKind kind, IReadOnlyDictionary<string, string> attributes)
{
    private readonly SortedDictionary<long, StepPoint> _steps = new();
    private ulong _lastStart;
    private double? _lastValue;
    private long[]? _lastBuckets;

    public string Service { get; } = service;

    public string Instance { get; } = instance;

    public string Name { get; } = name;

    public MetricKind Kind { get; } = kind;

    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    public IReadOnlyList<double> Bounds { get; private set; } = [];

    public string Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : string.Empty;

    public void AddGauge(long step, double value) => Point(step).Value = value;

    /// <param name="countFirst">Whether the first cumulative value is itself an increase (a process
    /// that exports from its start) or only a baseline (a server counter read for the first time).</param>
    public void AddCounter(long step, double value, bool cumulative, ulong startNanos, bool countFirst)
    {
        var delta = value;
        if (cumulative)
        {
            var restarted = _lastValue is null || startNanos != _lastStart || value < _lastValue;
            delta = restarted ? (_lastValue is null && !countFirst ? 0 : value) : value - _lastValue!.Value;
            _lastValue = value;
            _lastStart = startNanos;
        }
        Point(step).Value += delta;
    }

    public void AddHistogram(long step, IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, bool cumulative, ulong startNanos)
    {
        if (counts.Count != bounds.Count + 1)
        {
            return;
        }
        var current = counts.Select(c => (long)c).ToArray();
        var delta = current;
        if (cumulative)
        {
            var restarted = _lastBuckets is null || _lastBuckets.Length != current.Length || startNanos != _lastStart
                || current.Where((c, i) => c < _lastBuckets[i]).Any();
            if (!restarted)
            {
                delta = current.Select((c, i) => c - _lastBuckets![i]).ToArray();
            }
            _lastBuckets = current;
            _lastStart = startNanos;
        }
        Bounds = bounds;
        var point = Point(step);
        point.Buckets ??= new long[delta.Length];
        if (point.Buckets.Length == delta.Length)
        {
            for (var i = 0; i < delta.Length; i++)
            {
                point.Buckets[i] += delta[i];
            }
        }
        point.Value += delta.Sum();
    }

    public StepPoint? At(long step) => _steps.GetValueOrDefault(step);

    public void Forget(long beforeStep)
    {
        while (_steps.Count > 0 && _steps.Keys.First() < beforeStep)
        {
            _steps.Remove(_steps.Keys.First());
        }
    }

    public bool IsEmpty => _steps.Count == 0;

    private StepPoint Point(long step)
    {
        if (!_steps.TryGetValue(step, out var point))
        {
            _steps[step] = point = new StepPoint();
        }
        return point;
    }
}
