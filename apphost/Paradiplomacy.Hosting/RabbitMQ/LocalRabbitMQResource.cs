namespace Paradiplomacy.Hosting.RabbitMQ;

/// <summary>The distribution's RabbitMQ on loopback: AMQP, the management plugin and the Erlang
/// distribution port all bound to 127.0.0.1, its node, HOME and mnesia under the state folder.</summary>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string ManagementEndpointName = "management";
    public const string DistributionEndpointName = "dist";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public EndpointReference ManagementEndpoint => new(this, ManagementEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}
