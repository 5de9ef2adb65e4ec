using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Paradiplomacy.Bench;

/// <summary>The SQL one CreateCity issues, as PostgreSQL itself logged it (log_statement = all, for that one call),
/// made into a pgbench script: each literal the call made unique (the name's marker, the id, client-made uuids)
/// varies per transaction, the rest is sent as the service sent it.</summary>
public static partial class WriteStatements
{
    public sealed record Captured(string Script, IReadOnlyList<string> Statements);

    /// <param name="createCity">Registers a city of the given name through the service.</param>
    public static async Task<Captured> CaptureAsync(SystemResources resources, Func<string, Task> createCity)
    {
        await using var admin = new NpgsqlConnection(resources.Database("postgres"));
        await admin.OpenAsync();
        var log = Path.Combine(resources.StateDirectory, "logs", "postgres.log");
        var marker = Guid.NewGuid().ToString("N");
        long from;
        DateTime began, ended;
        try
        {
            await ExecuteAsync(admin, "ALTER SYSTEM SET log_statement = 'all'", "ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '", "SELECT pg_reload_conf()");
            await Task.Delay(TimeSpan.FromSeconds(1));
            from = File.Exists(log) ? new FileInfo(log).Length : 0;
            began = DateTime.UtcNow;
            await createCity($"Bench Capture {marker}");
            ended = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(2)); // the console reaches the log file through the AppHost
        }
        finally
        {
            await ExecuteAsync(admin, "ALTER SYSTEM RESET log_statement", "ALTER SYSTEM RESET log_line_prefix", "SELECT pg_reload_conf()");
        }
        var statements = Statements(ReadFrom(log, from), began.AddMilliseconds(-5), ended.AddMilliseconds(5));
        if (statements.Count == 0)
        {
            throw new InvalidOperationException($"No statement of the CreateCity call was found in {log}.");
        }
        return new Captured(Script(statements), statements);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, params string[] commands)
    {
        foreach (var sql in commands)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>What registry-db ran while the call was in flight, each statement with its parameters put in, less
    /// the background work that ran beside it (the outbox relay's claims and marks, its backlog count, the search
    /// index's sweep): a unit of work (a transaction, or one statement after a connection's reset) with any of
    /// that in it is left out whole.</summary>
    private static List<string> Statements(string log, DateTime from, DateTime to)
    {
        var entries = new List<(DateTime At, string Pid, string Database, string Kind, StringBuilder Text)>();
        foreach (var raw in log.Split('\n'))
        {
            // The AppHost's log file puts its own timestamp before each console line.
            var line = ConsoleTimestamp().Replace(raw.TrimEnd('\r'), string.Empty);
            var match = EntryStart().Match(line);
            if (match.Success)
            {
                var at = DateTime.Parse(match.Groups["at"].Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                entries.Add((at, match.Groups["pid"].Value, match.Groups["db"].Value, match.Groups["kind"].Value, new StringBuilder(match.Groups["text"].Value)));
            }
            else if (entries.Count > 0)
            {
                entries[^1].Text.Append('\n').Append(line);
            }
        }
        var byPid = new Dictionary<string, List<(DateTime At, string Sql)>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var (at, pid, database, kind, text) = entries[i];
            var sql = Sql().Match(text.ToString());
            if (database != "registry-db" || kind != "LOG" || !sql.Success || at < from || at > to)
            {
                continue;
            }
            var parameters = i + 1 < entries.Count && entries[i + 1].Pid == pid && entries[i + 1].Kind == "DETAIL"
                ? Parameters(entries[i + 1].Text.ToString())
                : [];
            var statement = Placeholder().Replace(sql.Groups["sql"].Value.Trim(), m => parameters.GetValueOrDefault(m.Value, m.Value));
            (byPid.TryGetValue(pid, out var list) ? list : byPid[pid] = []).Add((at, statement));
        }
        var units = new List<List<(DateTime At, string Sql)>>();
        foreach (var statements in byPid.Values)
        {
            var unit = new List<(DateTime At, string Sql)>();
            var inTransaction = false;
            foreach (var statement in statements)
            {
                unit.Add(statement);
                var verb = statement.Sql.Split(' ', 2)[0].ToUpperInvariant();
                if (verb is "BEGIN" or "START")
                {
                    inTransaction = true;
                    continue;
                }
                if (verb is "COMMIT" or "ROLLBACK" || (!inTransaction && statement.Sql != "DISCARD ALL"))
                {
                    units.Add(unit);
                    unit = [];
                    inTransaction = false;
                }
            }
        }
        return [.. units.Where(u => !u.Any(s => IsBackgroundWork(s.Sql))).SelectMany(u => u).OrderBy(s => s.At).Select(s => s.Sql)];
    }

    private static bool IsBackgroundWork(string sql) =>
        (sql.Contains("outbox_messages", StringComparison.Ordinal) && !sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
        || sql.Contains("updated_at >", StringComparison.Ordinal) || sql.Contains("now()", StringComparison.Ordinal);

    /// <summary>"$1 = 'x', $2 = NULL" as a map from placeholder to literal.</summary>
    private static Dictionary<string, string> Parameters(string detail)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Parameter().Matches(detail))
        {
            values[match.Groups["name"].Value] = match.Groups["value"].Value;
        }
        return values;
    }

    /// <summary>Each 32-digit hex token (the name's marker, the city's "reg-…" id) becomes a number drawn per
    /// transaction, the same in every statement; each client-made uuid literal a uuid made from it and that number.</summary>
    private static string Script(IReadOnlyList<string> statements)
    {
        var tokens = statements.SelectMany(s => HexToken().Matches(s).Select(m => m.Value)).Distinct(StringComparer.Ordinal)
            .Select((token, i) => (token, variable: $"t{i + 1}")).ToList();
        var script = new StringBuilder("\\set n random(1, 1000000000000)\n");
        foreach (var (_, variable) in tokens)
        {
            script.Append($"\\set {variable} random(1, 1000000000000)\n");
        }
        foreach (var statement in statements)
        {
            var varied = Uuid().Replace(statement, m => $"md5({m.Value} || :n)::uuid");
            varied = HexToken().Replace(varied, m => ":" + tokens.First(t => t.token == m.Value).variable);
            // pgbench reads one statement per line.
            script.Append(varied.ReplaceLineEndings(" ").TrimEnd(';', ' ')).Append(";\n");
        }
        return script.ToString();
    }

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC \[(?<pid>\d+)\] (?<db>\S+) (?<kind>LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT):\s+(?<text>.*)$")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ")]
    private static partial Regex ConsoleTimestamp();

    [GeneratedRegex(@"^(?:statement|execute [^:]*):\s*(?<sql>.*)$", RegexOptions.Singleline)]
    private static partial Regex Sql();

    [GeneratedRegex(@"(?<name>\$\d+) = (?<value>NULL|'(?:[^']|'')*')")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\$\d+(?!\d)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")]
    private static partial Regex HexToken();

    [GeneratedRegex(@"'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'")]
    private static partial Regex Uuid();
}
