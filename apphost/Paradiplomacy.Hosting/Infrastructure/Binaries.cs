namespace Paradiplomacy.Hosting.Infrastructure;

/// <summary>Finds the distribution's server binaries.</summary>
public static class Binaries
{
    public static string Find(string name, string installHint, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = extraDirectories
            .Concat(path.Split(':', StringSplitOptions.RemoveEmptyEntries))
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"]);
        foreach (var dir in candidates)
        {
            var file = Path.Combine(dir, name);
            if (File.Exists(file))
            {
                return file;
            }
        }
        throw new MissingBinaryException(name, installHint);
    }

    /// <summary>PostgreSQL's server binaries live in a versioned folder; the newest wins.</summary>
    public static string PostgresBin(string name)
    {
        var overrideDir = Environment.GetEnvironmentVariable("PARADIPLOMACY_PG_BIN");
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return Find(name, "apt-get install -y postgresql", [.. (overrideDir is null ? [] : new[] { overrideDir }), .. versioned]);
    }
}
