using System.Globalization;
using Google.Protobuf;
using Paradiplomacy.Hosting.Telemetry.Otlp;

namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>The spans and log records the services send by OTLP, kept in memory, bounded (the
/// newest win), for the dashboard and its API.</summary>
public sealed class TelemetryStore(int maxSpans = 50_000, int maxLogs = 20_000)
{
    private readonly object _sync = new();
    private readonly Queue<StoredSpan> _spans = new();
    private readonly Dictionary<string, List<StoredSpan>> _byTrace = new(StringComparer.Ordinal);
    private readonly Queue<StoredLog> _logs = new();
    private long _logSequence;

    public void Add(ExportTraceServiceRequest request)
    {
        lock (_sync)
        {
            foreach (var resourceSpans in request.ResourceSpans)
            {
                var service = ServiceName(resourceSpans.Resource);
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    var stored = new StoredSpan(
                        Hex(span.TraceId), Hex(span.SpanId), span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
                        service, span.Name, KindName(span.Kind), FromNanos(span.StartTimeUnixNano),
                        Math.Round((span.EndTimeUnixNano - span.StartTimeUnixNano) / 1_000_000.0, 3),
                        span.Status?.Code == 2 ? "Error" : span.Status?.Code == 1 ? "Ok" : "Unset", Blank(span.Status?.Message),
                        span.Attributes.Take(30).ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.Ordinal));
                    _spans.Enqueue(stored);
                    if (!_byTrace.TryGetValue(stored.TraceId, out var list))
                    {
                        _byTrace[stored.TraceId] = list = [];
                    }
                    list.Add(stored);
                }
            }
            while (_spans.Count > maxSpans)
            {
                var old = _spans.Dequeue();
                if (_byTrace.TryGetValue(old.TraceId, out var list) && list.Remove(old) && list.Count == 0)
                {
                    _byTrace.Remove(old.TraceId);
                }
            }
        }
    }

    public void Add(ExportLogsServiceRequest request)
    {
        lock (_sync)
        {
            foreach (var resourceLogs in request.ResourceLogs)
            {
                var service = ServiceName(resourceLogs.Resource);
                foreach (var scope in resourceLogs.ScopeLogs)
                {
                    foreach (var record in scope.LogRecords)
                    {
                        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                        _logs.Enqueue(new StoredLog(++_logSequence, FromNanos(time), service, Level(record), scope.Scope?.Name ?? string.Empty,
                            Text(record.Body), record.TraceId.IsEmpty ? null : Hex(record.TraceId), record.SpanId.IsEmpty ? null : Hex(record.SpanId)));
                    }
                }
            }
            while (_logs.Count > maxLogs)
            {
                _logs.Dequeue();
            }
        }
    }

    public IReadOnlyList<StoredSpan>? Trace(string traceId)
    {
        lock (_sync)
        {
            return _byTrace.TryGetValue(traceId.ToLowerInvariant(), out var spans) ? spans.OrderBy(s => s.Start).ToList() : null;
        }
    }

    /// <summary>Newest traces first, optionally those touching a service, whose root (or any span's
    /// route) mentions a route, that failed ("error") or did not ("ok"), lasting at least some time.</summary>
    public IReadOnlyList<TraceSummary> Traces(string? service, string? route, string? status, double? minDurationMs, int limit)
    {
        List<List<StoredSpan>> traces;
        lock (_sync)
        {
            traces = _byTrace.Values.Select(v => v.ToList()).ToList();
        }
        if (route is { Length: > 0 })
        {
            traces = traces.Where(spans => spans.Any(s => s.Name.Contains(route, StringComparison.OrdinalIgnoreCase)
                || (s.Attributes.TryGetValue("http.route", out var r) && r.Contains(route, StringComparison.OrdinalIgnoreCase))
                || (s.Attributes.TryGetValue("url.path", out var p) && p.Contains(route, StringComparison.OrdinalIgnoreCase)))).ToList();
        }
        return traces.Select(Summarize)
            .Where(t => service is null || t.Services.Contains(service))
            .Where(t => status is not { Length: > 0 } || t.HasError == string.Equals(status, "error", StringComparison.OrdinalIgnoreCase))
            .Where(t => minDurationMs is null || t.DurationMs >= minDurationMs)
            .OrderByDescending(t => t.Start)
            .Take(limit)
            .ToList();
    }

    public IReadOnlyList<StoredLog> Logs(string? service, string? level, string? traceId, string? text, long after, int limit)
    {
        lock (_sync)
        {
            return _logs.Where(l => l.Sequence > after)
                .Where(l => service is null || l.Service == service)
                .Where(l => level is null || string.Equals(l.Level, level, StringComparison.OrdinalIgnoreCase))
                .Where(l => traceId is null || string.Equals(l.TraceId, traceId, StringComparison.OrdinalIgnoreCase))
                .Where(l => text is null || l.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
                .TakeLast(limit)
                .ToList();
        }
    }

    private static TraceSummary Summarize(List<StoredSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start).FirstOrDefault() ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.Start.AddMilliseconds(s.DurationMs));
        return new TraceSummary(root.TraceId, root.Name, root.Service, spans.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal).ToList(),
            start, Math.Round((end - start).TotalMilliseconds, 3), spans.Count, spans.Any(s => s.Status == "Error"));
    }

    private static string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? Text(name.Value) : "unknown";

    private static string Level(LogRecord record) => record.SeverityText is { Length: > 0 } text ? text : record.SeverityNumber switch
    {
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };

    internal static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToHexStringLower(value.BytesValue.Span),
        _ => string.Empty,
    };

    private static string KindName(int kind) => kind switch
    {
        1 => "Internal",
        2 => "Server",
        3 => "Client",
        4 => "Producer",
        5 => "Consumer",
        _ => "Unspecified",
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset FromNanos(ulong nanos) => DateTimeOffset.FromUnixTimeMilliseconds((long)(nanos / 1_000_000));
}
