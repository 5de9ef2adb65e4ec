namespace Paradiplomacy.Registry.Domain;

/// <summary>The registry's name search in memory: a large base of every city's search forms, built once, and small
/// layers of the cities changed since (registered, profile updated), one per batch of changes; only a city's latest
/// entry counts. Layers are size-tiered: a new layer is merged into the one before it while that one is at most
/// <see cref="Tier"/> times its size, so sizes fall geometrically (a few layers for thousands of changes) and a
/// city's entry is rebuilt only a few times, not at every eighth batch as a single layer of every change was (a fifth
/// of the registry's CPU under writes, profiled). Immutable: a change makes a new index sharing the base and the
/// older layers. It answers as <c>CitySearch</c>'s SQL does: forms equal to or starting with the query first, best
/// score, then larger population, then id; when those are fewer than <see cref="FuzzyBelow"/>, similar forms follow.</summary>
public sealed class NameIndex
{
    public const int FuzzyBelow = 5;

    public const int Tier = 4;

    private readonly NameSet _base;

    /// <summary>Oldest first.</summary>
    private readonly IReadOnlyList<Layer> _layers;

    /// <summary>Each changed city's latest entry (never changed once built): what a match from an older layer or the base is checked against.</summary>
    private readonly Dictionary<string, IndexedCity> _latest;

    public NameIndex(NameSet @base) : this(@base, [], new Dictionary<string, IndexedCity>(StringComparer.Ordinal))
    {
    }

    private NameIndex(NameSet @base, IReadOnlyList<Layer> layers, Dictionary<string, IndexedCity> latest)
    {
        _base = @base;
        _layers = layers;
        _latest = latest;
    }

    public int Names => _base.Count + _layers.Sum(l => l.Set.Count);

    public int Cities => _base.Cities + _latest.Keys.Count(id => _base.Find(id) is null);

    /// <summary>Cities changed since the base was built.</summary>
    public int Changed => _latest.Count;

    public int Layers => _layers.Count;

    /// <summary>The index with these cities as they are now, each found by its names.</summary>
    public NameIndex With(IReadOnlyList<(IndexedCity City, IReadOnlyList<string> Names)> cities)
    {
        var latest = new Dictionary<string, IndexedCity>(_latest, StringComparer.Ordinal);
        foreach (var (city, _) in cities)
        {
            latest[city.Id] = city;
        }
        var layers = new List<Layer>(_layers) { new(cities) };
        while (layers.Count > 1 && layers[^2].Entries.Count <= Tier * layers[^1].Entries.Count)
        {
            var merged = Layer.Merge(layers[^2], layers[^1]);
            layers.RemoveRange(layers.Count - 2, 2);
            layers.Add(merged);
        }
        return new NameIndex(_base, layers, latest);
    }

    /// <summary>The city as the index has it, if it does.</summary>
    public IndexedCity? Find(string id) => _latest.TryGetValue(id, out var changed) ? changed : _base.Find(id);

    /// <summary>Ids of one page of matches, best first, as <c>CitySearch.SearchAsync</c> returns them.</summary>
    public IReadOnlyList<string> Search(string normalizedQuery, CityFilter filter, int offset, int limit)
    {
        var query = Trigrams.Of(normalizedQuery);
        var prefixed = Collect(filter, found =>
        {
            _base.Prefixed(normalizedQuery, query, found);
            foreach (var layer in _layers)
            {
                layer.Set.Prefixed(normalizedQuery, query, found);
            }
        });
        var ids = Page(prefixed, offset, limit);
        if (ids.Count == limit || prefixed.Count >= FuzzyBelow)
        {
            return ids;
        }
        var similar = Collect(filter, found =>
        {
            _base.Similar(query, found);
            foreach (var layer in _layers)
            {
                layer.Set.Similar(query, found);
            }
        });
        foreach (var city in prefixed.Keys)
        {
            similar.Remove(city);
        }
        ids.AddRange(Page(similar, Math.Max(0, offset - prefixed.Count), limit - ids.Count));
        return ids;
    }

    /// <summary>The best score of each city the search finds, the filter applied and entries a newer layer replaced skipped.</summary>
    private Dictionary<IndexedCity, double> Collect(CityFilter filter, Action<Action<IndexedCity, double>> search)
    {
        var best = new Dictionary<IndexedCity, double>(ReferenceEqualityComparer.Instance);
        search((city, score) =>
        {
            if (!city.Matches(filter) || (_latest.TryGetValue(city.Id, out var current) && !ReferenceEquals(current, city)))
            {
                return;
            }
            if (!best.TryGetValue(city, out var known) || score > known)
            {
                best[city] = score;
            }
        });
        return best;
    }

    private static List<string> Page(Dictionary<IndexedCity, double> scored, int offset, int limit)
    {
        if (limit <= 0 || offset >= scored.Count)
        {
            return [];
        }
        var keep = offset + limit;
        // The best `keep` by a bounded heap whose root is the worst kept.
        var heap = new PriorityQueue<(double Score, IndexedCity City), (double Score, IndexedCity City)>(keep + 1, Comparer<(double, IndexedCity)>.Create((a, b) => IndexedCity.Rank(b, a)));
        foreach (var (city, score) in scored)
        {
            var entry = (score, city);
            if (heap.Count < keep)
            {
                heap.Enqueue(entry, entry);
            }
            else if (IndexedCity.Rank(entry, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(entry, entry);
            }
        }
        var best = new List<(double Score, IndexedCity City)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }
        best.Reverse();
        return [.. best.Skip(offset).Select(b => b.City.Id)];
    }

    /// <summary>One batch of changed cities (or several merged), with the entries it was built from for the next merge.</summary>
    private sealed class Layer(IReadOnlyList<(IndexedCity City, IReadOnlyList<string> Names)> entries)
    {
        public IReadOnlyList<(IndexedCity City, IReadOnlyList<string> Names)> Entries { get; } = entries;

        public NameSet Set { get; } = new(entries.Select(e => (e.City, (IEnumerable<string>)e.Names)));

        /// <summary>Both layers' cities, each by its entry in the newer one where both have it.</summary>
        public static Layer Merge(Layer older, Layer newer)
        {
            var latest = new Dictionary<string, (IndexedCity City, IReadOnlyList<string> Names)>(older.Entries.Count + newer.Entries.Count, StringComparer.Ordinal);
            foreach (var entry in older.Entries.Concat(newer.Entries))
            {
                latest[entry.City.Id] = entry;
            }
            return new Layer([.. latest.Values]);
        }
    }
}
