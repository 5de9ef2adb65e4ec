namespace Paradiplomacy.Gateway.Security;

/// <summary>Gateway:RateLimits. Requests per minute by role (users) and for anonymous callers (per
/// client address); API keys carry their own quota. 0 means not throttled (operators, so that
/// benchmarks through the gateway measure the gateway).</summary>
public sealed class RateLimitOptions
{
    public int Anonymous { get; set; } = 120;

    public Dictionary<string, int> PerRole { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Addresses or networks ("10.0.0.0/8") of the gateway's own clients that serve the public, such as the web
    /// portal: an anonymous call from one of them is counted against the visitor it names in X-Forwarded-For, so the
    /// public through the portal do not share one address's limit. From anyone else that header is ignored.</summary>
    public List<string> TrustedForwarders { get; set; } = [];

    /// <summary>The anonymous caller's own address: the visitor a trusted forwarder names, else the connection's.</summary>
    public string ClientAddress(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && TrustedForwarders.Count > 0 && context.Request.Headers["X-Forwarded-For"].FirstOrDefault() is { Length: > 0 } forwarded)
        {
            var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
            var trusted = TrustedForwarders.Any(t => System.Net.IPNetwork.TryParse(t, out var network)
                ? network.Contains(address)
                : System.Net.IPAddress.TryParse(t, out var one) && one.Equals(address));
            // The nearest hop is the last one the forwarder appended; earlier entries are the visitor's word only.
            var visitor = forwarded.Split(',')[^1].Trim();
            if (trusted && System.Net.IPAddress.TryParse(visitor, out var parsed))
            {
                return parsed.ToString();
            }
        }
        return remote?.ToString() ?? "unknown";
    }
}
