namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>One structured log record received over OTLP (GET /api/structured-logs).</summary>
public sealed record StoredLog(
    long Sequence,
    DateTimeOffset Time,
    string Service,
    string Level,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId);
