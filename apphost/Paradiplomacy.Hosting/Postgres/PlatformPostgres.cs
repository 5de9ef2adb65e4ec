namespace Paradiplomacy.Hosting.Postgres;

/// <summary>The PostgreSQL server the AppHost asked for, whichever way it runs, so that Program.cs
/// reads the same with containers and with executables.</summary>
public sealed class PlatformPostgres(
    IResourceBuilder<IResourceWithConnectionString> server,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
{
    public IResourceBuilder<IResourceWithConnectionString> Server { get; } = server;

    /// <summary>A database of its own for one service (ConnectionStrings__{name}).</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);
}
