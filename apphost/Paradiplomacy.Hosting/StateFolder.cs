namespace Paradiplomacy.Hosting;

/// <summary>Where the executable resources keep their data: one folder per resource under the state
/// folder (default `.state/` at the repository root; `Paradiplomacy:StateDirectory` or
/// PARADIPLOMACY_STATE_DIR elsewhere), wiped first when `Paradiplomacy:Fresh` is true.</summary>
public sealed class StateFolder
{
    private StateFolder(string path, bool durable)
    {
        Path = path;
        Durable = durable;
    }

    public string Path { get; }

    /// <summary>False on throw-away state (tests): PostgreSQL without fsync, Redis without its append-only file.</summary>
    public bool Durable { get; }

    public string For(string resourceName) => System.IO.Path.Combine(Path, resourceName);

    public static StateFolder Open(IConfiguration configuration)
    {
        var path = configuration["Paradiplomacy:StateDirectory"] is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured)
            : System.IO.Path.Combine(RepositoryRoot.Find(), ".state");
        if (configuration.GetValue("Paradiplomacy:Fresh", false) && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
        return new StateFolder(path, configuration.GetValue("Paradiplomacy:Durable", true));
    }
}
