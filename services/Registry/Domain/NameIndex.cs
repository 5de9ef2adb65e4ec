namespace Paradiplomacy.Registry.Domain;

/// <summary>The registry's name search in memory: a large base of every city's search forms, built once, and small
/// layers of the cities changed since (registered, profile updated), one per batch of changes and merged into one
/// when there are <see cref="MaxLayers"/>; only a city's latest entry counts. Immutable: a change makes a new index sharing the base. It answers as
/// <c>CitySearch</c>'s SQL does: forms equal to or starting with the query first, best score, then larger
/// population, then id; when those are fewer than <see cref="FuzzyBelow"/>, similar forms follow.</summary>
public sealed class NameIndex
{
    public const int FuzzyBelow = 5;

    public const int MaxLayers = 8;

    private readonly NameSet _base;
    private readonly IReadOnlyList<NameSet> _layers;
    private readonly IReadOnlyDictionary<string, (IndexedCity City, IReadOnlyList<string> Names)> _changed;

    public NameIndex(NameSet @base) : this(@base, [], new Dictionary<string, (IndexedCity, IReadOnlyList<string>)>(StringComparer.Ordinal))
    {
    }

    private NameIndex(NameSet @base, IReadOnlyList<NameSet> layers, IReadOnlyDictionary<string, (IndexedCity City, IReadOnlyList<string> Names)> changed)
    {
        _base = @base;
        _layers = layers;
        _changed = changed;
    }

    public int Names => _base.Count + _layers.Sum(l => l.Count);

    public int Cities => _base.Cities + _changed.Count;

    /// <summary>Cities changed since the base was built.</summary>
    public int Changed => _changed.Count;

    /// <summary>The index with these cities as they are now, each found by its names.</summary>
    public NameIndex With(IReadOnlyList<(IndexedCity City, IReadOnlyList<string> Names)> cities)
    {
        var changed = new Dictionary<string, (IndexedCity City, IReadOnlyList<string> Names)>(_changed, StringComparer.Ordinal);
        foreach (var (city, names) in cities)
        {
            changed[city.Id] = (city, names);
        }
        // A layer for this batch alone; with too many, one layer of every changed city's latest entry.
        IReadOnlyList<NameSet> layers = _layers.Count + 1 < MaxLayers
            ? [.. _layers, new NameSet(cities.Select(c => (c.City, (IEnumerable<string>)c.Names)))]
            : [new NameSet(changed.Values.Select(c => (c.City, (IEnumerable<string>)c.Names)))];
        return new NameIndex(_base, layers, changed);
    }

    /// <summary>The city as the index has it, if it does.</summary>
    public IndexedCity? Find(string id) => _changed.TryGetValue(id, out var changed) ? changed.City : _base.Find(id);

    /// <summary>Ids of one page of matches, best first, as <c>CitySearch.SearchAsync</c> returns them.</summary>
    public IReadOnlyList<string> Search(string normalizedQuery, CityFilter filter, int offset, int limit)
    {
        var query = Trigrams.Of(normalizedQuery);
        var prefixed = Collect(filter, found =>
        {
            _base.Prefixed(normalizedQuery, query, found);
            foreach (var layer in _layers)
            {
                layer.Prefixed(normalizedQuery, query, found);
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
                layer.Similar(query, found);
            }
        });
        foreach (var city in prefixed.Keys)
        {
            similar.Remove(city);
        }
        ids.AddRange(Page(similar, Math.Max(0, offset - prefixed.Count), limit - ids.Count));
        return ids;
    }

    /// <summary>The best score of each city the search finds, the filter and the changed layer applied.</summary>
    private Dictionary<IndexedCity, double> Collect(CityFilter filter, Action<Action<IndexedCity, double>> search)
    {
        var best = new Dictionary<IndexedCity, double>(ReferenceEqualityComparer.Instance);
        search((city, score) =>
        {
            if (!city.Matches(filter) || (_changed.TryGetValue(city.Id, out var current) && !ReferenceEquals(current.City, city)))
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
}
