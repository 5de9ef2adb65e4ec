namespace Paradiplomacy.Gateway.Extensions;

/// <summary>What the gateway forwards to one service (Gateway:Services:{name}): REST path prefixes
/// to its HTTP/1.1 endpoint, fully-qualified gRPC services to its HTTP/2 endpoint, with the
/// request size and time limits of its routes.</summary>
public sealed class GatewayServiceOptions
{
    public List<string> RestPrefixes { get; set; } = [];

    public List<string> GrpcServices { get; set; } = [];

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
