namespace Paradiplomacy.Hosting.Redis;

/// <summary>The distribution's redis-server on loopback, its append-only file in the state folder.</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)},abortConnect=false,connectTimeout=2000");
}
