using System.Globalization;
using System.Text.Json;

namespace Paradiplomacy.Hosting.Operations;

/// <summary>The running system as the AppHost describes it in `{state}/resources.json` (see <see cref="ResourceManifest"/>): each
/// resource's process id and endpoint URLs.</summary>
public sealed class SystemResources
{
    private readonly Dictionary<string, JsonElement> _resources;
    private readonly Dictionary<string, List<int>> _replicaPids;

    private SystemResources(string stateDirectory, Dictionary<string, JsonElement> resources, Dictionary<string, List<int>> replicaPids)
    {
        StateDirectory = stateDirectory;
        _resources = resources;
        _replicaPids = replicaPids;
    }

    public string StateDirectory { get; }

    public IEnumerable<string> Names => _resources.Keys;

    public static SystemResources Read(string stateDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(stateDirectory, "resources.json")));
        var running = json.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("pid").ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .GroupBy(r => r.GetProperty("name").GetString()!)
            .ToList();
        // A replicated service is reached by its first replica; its CPU and memory are every replica's.
        return new SystemResources(stateDirectory, running.ToDictionary(g => g.Key, g => g.First().Clone()),
            running.ToDictionary(g => g.Key, g => g.Select(PidOf).ToList()));
    }

    /// <summary>The process DCP started (of a replicated service, its first replica's).</summary>
    public int Pid(string resource) => _replicaPids[resource][0];

    /// <summary>The processes of every replica of a resource.</summary>
    public IReadOnlyList<int> Pids(string resource) => _replicaPids[resource];

    private static int PidOf(JsonElement resource) => resource.GetProperty("pid") is { ValueKind: JsonValueKind.Number } pid
        ? pid.GetInt32()
        : int.Parse(resource.GetProperty("pid").GetString()!, CultureInfo.InvariantCulture);

    public string Endpoint(string resource, string endpoint) => _resources[resource].GetProperty("urls").GetProperty(endpoint).GetString()!;

    public bool IsProject(string resource) => _resources[resource].GetProperty("type").GetString() == "Project";

    /// <summary>The local PostgreSQL's superuser password, kept beside its cluster.</summary>
    public string PostgresPassword => File.ReadAllText(Path.Combine(StateDirectory, "postgres", "password")).Trim();

    /// <summary>A connection string to one of the local PostgreSQL's databases, as its superuser.</summary>
    public string Database(string name, string extra = "") =>
        $"Host=127.0.0.1;Port={new Uri(Endpoint("postgres", "tcp")).Port};Username=postgres;Password={PostgresPassword};Database={name}{extra}";
}
