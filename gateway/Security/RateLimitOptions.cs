namespace Paradiplomacy.Gateway.Security;

/// <summary>Gateway:RateLimits. Requests per minute by role (users) and for anonymous callers (per
/// client address); API keys carry their own quota. 0 means not throttled (operators, so that
/// benchmarks through the gateway measure the gateway).</summary>
public sealed class RateLimitOptions
{
    public int Anonymous { get; set; } = 120;

    public Dictionary<string, int> PerRole { get; set; } = new(StringComparer.Ordinal);
}
