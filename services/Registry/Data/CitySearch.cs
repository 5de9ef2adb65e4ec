using System.Text;
using Npgsql;
using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Data;

/// <summary>Finds cities by name over the city_names index: an exact form first, then prefixes,
/// then, when those are few, trigram similarity for misspellings; ties go to the larger population.</summary>
public sealed class CitySearch(NpgsqlDataSource dataSource, CityNameIndex index)
{
    /// <summary>Fewer exact or prefix matches than this, and similar names are added after them.</summary>
    public const int FuzzyBelow = NameIndex.FuzzyBelow;

    /// <summary>Ids of one page of matches, best first; one more than asked tells whether a next page exists.
    /// Names equal to or starting with the query always rank above names that are only similar, so
    /// the similar ones (the costly trigram scan) are looked for only when the exact and prefix
    /// matches do not fill the page.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string normalizedQuery, CityFilter filter, int offset, int limit, CancellationToken ct)
    {
        if (index.Current is null)
        {
            return await SearchInDatabaseAsync(normalizedQuery, filter, offset, limit, ct);
        }
        // What this replica has just written is searchable first (a batch takes milliseconds).
        await index.Pending.WaitAsync(ct);
        return index.Current!.Search(normalizedQuery, filter, offset, limit);
    }

    /// <summary>The same search in SQL over city_names: the record, and what answers until the index is loaded.</summary>
    public async Task<IReadOnlyList<string>> SearchInDatabaseAsync(string normalizedQuery, CityFilter filter, int offset, int limit, CancellationToken ct)
    {
        var prefix = EscapeLike(normalizedQuery) + "%";
        var ids = new List<string>(await PageAsync("n.name LIKE @prefix", "CASE WHEN n.name = @q THEN 1.0 ELSE 0.0 END + similarity(n.name, @q)",
            normalizedQuery, prefix, filter, offset, limit, ct));
        if (ids.Count == limit)
        {
            return ids;
        }
        // The prefix matches ran out on this page. When there were hardly any, the query is probably
        // misspelt: similar names follow them. Otherwise the list ends with the prefix matches.
        var prefixCount = ids.Count > 0 || offset == 0 ? offset + ids.Count : await CountAsync("n.name LIKE @prefix", normalizedQuery, prefix, filter, ct);
        if (prefixCount >= FuzzyBelow)
        {
            return ids;
        }
        ids.AddRange(await PageAsync("n.name % @q AND n.city_id NOT IN (SELECT p.city_id FROM city_names p WHERE p.name LIKE @prefix)",
            "similarity(n.name, @q)", normalizedQuery, prefix, filter, Math.Max(0, offset - prefixCount), limit - ids.Count, ct));
        return ids;
    }

    private async Task<int> CountAsync(string match, string query, string prefix, CityFilter filter, CancellationToken ct)
    {
        var sql = new StringBuilder($"SELECT count(DISTINCT c.id) FROM city_names n JOIN cities c ON c.id = n.city_id WHERE {match}");
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("prefix", prefix);
        AppendFilter(sql, command, filter);
        command.CommandText = sql.ToString();
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<string>> PageAsync(string match, string score, string query, string prefix, CityFilter filter, int offset, int limit, CancellationToken ct)
    {
        var sql = new StringBuilder($"""
            SELECT c.id FROM (
              SELECT n.city_id, max({score}) AS score FROM city_names n WHERE {match} GROUP BY n.city_id
            ) h JOIN cities c ON c.id = h.city_id
            WHERE true
            """);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("prefix", prefix);
        AppendFilter(sql, command, filter);
        sql.Append(" ORDER BY h.score DESC, c.population DESC NULLS LAST, c.id LIMIT @limit OFFSET @offset");
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);
        command.CommandText = sql.ToString();
        return await ReadIdsAsync(command, limit, ct);
    }

    /// <summary>Ids of one page of a plain listing (no query), largest population first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CityFilter filter, int offset, int limit, CancellationToken ct)
    {
        var sql = new StringBuilder("SELECT c.id FROM cities c WHERE true");
        await using var command = dataSource.CreateCommand();
        AppendFilter(sql, command, filter);
        sql.Append(" ORDER BY c.population DESC NULLS LAST, c.id LIMIT @limit OFFSET @offset");
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);
        command.CommandText = sql.ToString();
        return await ReadIdsAsync(command, limit, ct);
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command, int limit, CancellationToken ct)
    {
        var ids = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static void AppendFilter(StringBuilder sql, NpgsqlCommand command, CityFilter filter)
    {
        void Term(string clause, string name, object value)
        {
            sql.Append(" AND ").Append(clause);
            command.Parameters.AddWithValue(name, value);
        }

        if (filter.CountryCode is not null)
        {
            Term("c.country_code = @country", "country", filter.CountryCode);
        }
        if (filter.Level is not null)
        {
            Term("c.level = @level", "level", filter.Level.Value.ToString());
        }
        if (filter.ParentId is not null)
        {
            Term("c.parent_id = @parent", "parent", filter.ParentId);
        }
        if (filter.Seeking is not null)
        {
            Term("coalesce((c.profile->'seeking'->>'active')::boolean, false) = @seeking", "seeking", filter.Seeking.Value);
        }
        if (filter.Trait is not null)
        {
            Term("c.profile->'traits' ? @trait", "trait", filter.Trait);
        }
        if (filter.Field is not null)
        {
            Term("(c.profile->'priorityFields' ? @field OR c.profile->'seeking'->'fields' ? @field)", "field", filter.Field);
        }
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
