namespace Paradiplomacy.Hosting.RabbitMQ;

/// <summary>Erlang's port mapper for one broker, as a resource of its own: started by RabbitMQ
/// instead, it daemonizes and outlives everything.</summary>
public sealed class EpmdResource(string name, string command) : ExecutableResource(name, command, "/")
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);
}
