namespace Paradiplomacy.Hosting;

public static class LoopbackEndpointExtensions
{
    /// <summary>An endpoint the server binds itself on 127.0.0.1, on a port DCP picks (no proxy in between):
    /// nothing of the system listens beyond loopback.</summary>
    public static IResourceBuilder<T> WithLoopbackEndpoint<T>(this IResourceBuilder<T> builder, string name, string scheme = "tcp")
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name, endpoint =>
        {
            endpoint.UriScheme = scheme;
            endpoint.IsProxied = false;
            endpoint.TargetHost = "127.0.0.1";
        });
}
