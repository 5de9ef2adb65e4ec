namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>One span as the dashboard keeps it (GET /api/traces/{traceId}).</summary>
public sealed record StoredSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Name,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    string Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes);
