namespace Paradiplomacy.HostDefaults.Discovery;

/// <summary>One running replica of a service as it announced itself: its two endpoints (http: HTTP/1.1,
/// grpc: HTTP/2) and when it last said it was there.</summary>
public sealed record ReplicaAddress(string Service, string Id, Uri Http, Uri Grpc, DateTimeOffset AnnouncedAt)
{
    public Uri Endpoint(string name) => name == "grpc" ? Grpc : Http;
}
