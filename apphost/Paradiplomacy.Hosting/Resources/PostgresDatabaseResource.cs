namespace Paradiplomacy.Hosting.Resources;

/// <summary>One service's database on a PostgreSQL server; created when the server first starts.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresResource server) : IResourceWithConnectionString
{
    public string Name { get; } = name;

    public PostgresResource Server { get; } = server;

    public string ConnectionString => Server.ConnectionStringFor(Name);
}
