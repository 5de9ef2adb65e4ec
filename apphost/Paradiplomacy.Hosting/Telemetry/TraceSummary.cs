namespace Paradiplomacy.Hosting.Telemetry;

/// <summary>One trace in the list (GET /api/traces): where it started, what it touched, how long it took.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    bool HasError);
