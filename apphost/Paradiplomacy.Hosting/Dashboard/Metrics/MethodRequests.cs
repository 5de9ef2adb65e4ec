namespace Paradiplomacy.Hosting.Dashboard.Metrics;

/// <summary>One method's calls over the whole window: how many, how often, how many failed
/// (fault: the server's; refused: the caller's or a rule's), and how long they took.</summary>
public sealed record MethodRequests(
    string Method,
    long Calls,
    double RatePerSecond,
    double ErrorPercent,
    double RefusedPercent,
    double? P50Ms,
    double? P99Ms);
