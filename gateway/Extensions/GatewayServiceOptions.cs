namespace Paradiplomacy.Gateway.Extensions;

/// <summary>What the gateway forwards to one service (Gateway:Services:{name}): REST path prefixes
/// to its HTTP/1.1 endpoint, fully-qualified gRPC services to its HTTP/2 endpoint.</summary>
public sealed class GatewayServiceOptions
{
    public List<string> RestPrefixes { get; set; } = [];

    public List<string> GrpcServices { get; set; } = [];
}
