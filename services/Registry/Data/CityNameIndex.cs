using System.Diagnostics;
using Npgsql;
using Paradiplomacy.Registry.Domain;

namespace Paradiplomacy.Registry.Data;

/// <summary>This replica's copy of every city's search forms (<see cref="NameIndex"/>), loaded from the database
/// once the service starts and kept current three ways: a change made here is handed in as the write left it, and
/// a search here waits for it; one made by another replica arrives on the city cache's Redis channel; and every <see cref="SweepInterval"/>
/// the cities updated lately are read again, so a lost message costs at most that long. PostgreSQL stays the
/// record: until the first load completes (and if it fails) search runs on the database.</summary>
public sealed class CityNameIndex : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<CityNameIndex> _logger;

    public CityNameIndex(NpgsqlDataSource dataSource, CityCache cache, TimeProvider clock, ILogger<CityNameIndex> logger)
    {
        _dataSource = dataSource;
        _clock = clock;
        _logger = logger;
        // Another replica's change: read it from the database.
        cache.Changed += id => _ = Enqueue(id, null);
    }

    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    // A change is stamped before it commits: a sweep reads back this far before the previous one began, and
    // skips what it finds unchanged.
    private static readonly TimeSpan SweepOverlap = TimeSpan.FromSeconds(30);

    // Past this many changed cities a new base is cheaper to search than the layers.
    private const int RebuildAfterChanges = 20_000;

    private const string CitySql = """
        SELECT c.id, c.country_code, c.level, c.parent_id, c.population,
               coalesce((c.profile->'seeking'->>'active')::boolean, false),
               ARRAY(SELECT jsonb_array_elements_text(coalesce(c.profile->'traits', '[]'::jsonb))),
               ARRAY(SELECT DISTINCT jsonb_array_elements_text(coalesce(c.profile->'priorityFields', '[]'::jsonb) || coalesce(c.profile->'seeking'->'fields', '[]'::jsonb)))
        FROM cities c
        """;

    private volatile NameIndex? _index;
    // The database's clock when the last load or sweep began.
    private DateTimeOffset _sweptFrom = DateTimeOffset.UnixEpoch;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (IndexedCity City, IReadOnlyList<string> Names)?> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource _pendingApplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _applying;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The index, or null while it is not loaded.</summary>
    public NameIndex? Current => _index;

    /// <summary>Completes when the first load has.</summary>
    public Task Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && _index is null)
        {
            try
            {
                await LoadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Loading the search index failed; search stays on the database and tries again");
                await Task.Delay(TimeSpan.FromSeconds(5), _clock, stoppingToken);
            }
        }
        using var timer = new PeriodicTimer(SweepInterval, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Search index sweep failed; the next one tries again");
            }
        }
    }

    /// <summary>Reads every city and name and swaps in a new base (the cities changed while it was read are read again after).</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        var began = await DatabaseNowAsync(connection, ct);
        var cities = await ReadCitiesAsync(connection, null, ct);
        var set = new NameSet((await WithNamesAsync(connection, cities, everyCity: true, ct)).Select(e => (e.City, (IEnumerable<string>)e.Names)));
        lock (_gate)
        {
            _index = new NameIndex(set);
            _sweptFrom = began;
        }
        _logger.LogInformation("Search index loaded: {Names} names of {Cities} cities in {Elapsed} ms", set.Count, set.Cities, watch.ElapsedMilliseconds);
        _loaded.TrySetResult();
        await SweepAsync(ct);
    }

    /// <summary>Applies a change this replica has just committed, from the city as the write left it: no read
    /// of the database. It joins the next batch; a search on this replica waits for that batch, so the writer
    /// finds what it wrote without the write waiting for the index.</summary>
    public void Apply(City city) => Enqueue(city.Id, (IndexedCity.Of(city), [.. ReferenceDataLoader.SearchForms(city)]));

    /// <summary>Reads the city again from the database in the next batch (another replica changed it).</summary>
    public Task RefreshAsync(string id, CancellationToken ct) => Enqueue(id, null).WaitAsync(ct);

    /// <summary>Completes when every change handed to the index so far is searchable.</summary>
    public Task Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 && _applying is null ? Task.CompletedTask : _pendingApplied.Task;
            }
        }
    }

    /// <summary>Changes handed in while one batch is applied wait and go together in the next: one read of the
    /// database for those that need it and one new layer for all, so a burst of writes costs a few batches.</summary>
    private Task Enqueue(string id, (IndexedCity City, IReadOnlyList<string> Names)? entry)
    {
        if (_index is null)
        {
            return Task.CompletedTask;
        }
        lock (_gate)
        {
            // A read from the database supersedes an entry from a write: it is at least as new.
            _pending[id] = entry is null || !_pending.TryGetValue(id, out var queued) || queued is not null ? entry : null;
            _applying ??= Task.Run(ApplyPendingAsync, CancellationToken.None);
            return _pendingApplied.Task;
        }
    }

    private async Task ApplyPendingAsync()
    {
        while (true)
        {
            Dictionary<string, (IndexedCity City, IReadOnlyList<string> Names)?> batch;
            TaskCompletionSource applied;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _applying = null;
                    return;
                }
                batch = new(_pending, StringComparer.Ordinal);
                applied = _pendingApplied;
                _pending.Clear();
                _pendingApplied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            try
            {
                var entries = batch.Values.Where(e => e is not null).Select(e => e!.Value).ToList();
                var toRead = batch.Where(e => e.Value is null).Select(e => e.Key).ToArray();
                if (toRead.Length > 0)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync();
                    var cities = await ReadCitiesAsync(connection, ("c.id = ANY(@ids)", "ids", toRead), CancellationToken.None);
                    entries.AddRange(await WithNamesAsync(connection, cities, everyCity: false, CancellationToken.None));
                }
                Swap(entries);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Search index refresh of {Count} cities failed; the next sweep reads them again", batch.Count);
            }
            // Applied or not, callers go on: the sweep is the safety net.
            applied.TrySetResult();
        }
    }

    /// <summary>Reads again the cities updated since the last sweep began (less an overlap) and applies those that changed;
    /// many changes at once (a reference data import) make a new base instead.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        if (_index is null)
        {
            return;
        }
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        var began = await DatabaseNowAsync(connection, ct);
        var cities = await ReadCitiesAsync(connection, ("c.updated_at > @since", "since", _sweptFrom - SweepOverlap), ct);
        var changed = cities.Where(c => _index.Find(c.Id) is not { } known || !known.SameAs(c)).ToList();
        if (changed.Count + _index.Changed > RebuildAfterChanges)
        {
            await LoadAsync(ct);
            return;
        }
        Swap(await WithNamesAsync(connection, changed, everyCity: false, ct));
        _sweptFrom = began;
    }

    /// <summary>Each city with its search forms from city_names (every row when <paramref name="everyCity"/>).</summary>
    private static async Task<List<(IndexedCity City, IReadOnlyList<string> Names)>> WithNamesAsync(NpgsqlConnection connection, List<IndexedCity> cities,
        bool everyCity, CancellationToken ct)
    {
        var names = new Dictionary<string, List<string>>(cities.Count, StringComparer.Ordinal);
        if (cities.Count > 0)
        {
            await using var command = new NpgsqlCommand(everyCity ? "SELECT city_id, name FROM city_names" : "SELECT city_id, name FROM city_names WHERE city_id = ANY(@ids)", connection);
            if (!everyCity)
            {
                command.Parameters.AddWithValue("ids", cities.Select(c => c.Id).ToArray());
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (!names.TryGetValue(id, out var list))
                {
                    names[id] = list = [];
                }
                list.Add(reader.GetString(1));
            }
        }
        return [.. cities.Select(c => (c, (IReadOnlyList<string>)(names.GetValueOrDefault(c.Id) ?? [])))];
    }

    private void Swap(List<(IndexedCity City, IReadOnlyList<string> Names)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            _index = _index!.With(entries);
        }
    }

    private static async Task<List<IndexedCity>> ReadCitiesAsync(NpgsqlConnection connection, (string Where, string Name, object Value)? condition, CancellationToken ct)
    {
        var cities = new List<IndexedCity>();
        await using var command = new NpgsqlCommand(condition is { } c ? $"{CitySql} WHERE {c.Where}" : CitySql, connection);
        if (condition is { } p)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cities.Add(new IndexedCity(
                string.Intern(reader.GetString(0)), string.Intern(reader.GetString(1)), Enum.Parse<CityLevel>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : string.Intern(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.GetBoolean(5), reader.GetFieldValue<string[]>(6), reader.GetFieldValue<string[]>(7)));
        }
        return cities;
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
