namespace Paradiplomacy.Hosting.Dashboard.Metrics;

/// <summary>A service's calls per step (for its charts) and per method (for its table).</summary>
public sealed record ServiceRequests(
    string Service,
    IReadOnlyList<double?> RatePerSecond,
    IReadOnlyList<double?> ErrorPercent,
    IReadOnlyList<double?> P50Ms,
    IReadOnlyList<double?> P99Ms,
    IReadOnlyList<MethodRequests> Methods);
