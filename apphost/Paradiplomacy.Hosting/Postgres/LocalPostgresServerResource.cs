namespace Paradiplomacy.Hosting.Postgres;

/// <summary>A PostgreSQL server from the distribution's binaries, on loopback, its cluster in the state
/// folder. PostgreSQL refuses to run as root, so as root it starts through setpriv, which execs it:
/// DCP's child is then PostgreSQL itself and dies with the AppHost.</summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    public string Password { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>Resource name → database name, created once the server is ready.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password};Maximum Pool Size=50;Timeout=5");

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
