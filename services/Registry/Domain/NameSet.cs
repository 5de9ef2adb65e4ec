using System.Buffers;

namespace Paradiplomacy.Registry.Domain;

/// <summary>An immutable set of cities' search forms: sorted for prefixes, each form's trigrams kept flat
/// beside it, and for every trigram the forms that have it (the misspelling lookup).</summary>
public sealed class NameSet
{
    private readonly string[] _names;
    private readonly IndexedCity[] _cityOf;
    private readonly long[] _trigrams;
    private readonly int[] _trigramStart;
    private readonly Dictionary<long, int[]> _postings;
    private readonly Dictionary<string, IndexedCity> _byId;

    public NameSet(IEnumerable<(IndexedCity City, IEnumerable<string> Names)> cities)
    {
        var entries = cities.SelectMany(c => c.Names.Select(n => (Name: n, c.City))).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        _names = [.. entries.Select(e => e.Name)];
        _cityOf = [.. entries.Select(e => e.City)];
        _byId = new Dictionary<string, IndexedCity>(StringComparer.Ordinal);
        foreach (var city in _cityOf)
        {
            _byId.TryAdd(city.Id, city);
        }
        _trigramStart = new int[_names.Length + 1];
        var all = new List<long>(_names.Length * 10);
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < _names.Length; i++)
        {
            _trigramStart[i] = all.Count;
            foreach (var t in Trigrams.Of(_names[i]))
            {
                all.Add(t);
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }
        _trigramStart[_names.Length] = all.Count;
        _trigrams = [.. all];
        _postings = counts.ToDictionary(c => c.Key, c => new int[c.Value]);
        var filled = new Dictionary<long, int>(counts.Count);
        for (var i = 0; i < _names.Length; i++)
        {
            foreach (var t in TrigramsOf(i))
            {
                var at = filled.GetValueOrDefault(t);
                _postings[t][at] = i;
                filled[t] = at + 1;
            }
        }
    }

    // A pool of its own, so every array in it is all zeros when rented.
    private static readonly ArrayPool<int> Counters = ArrayPool<int>.Create(1 << 21, 16);

    public int Count => _names.Length;

    public int Cities => _byId.Count;

    public IndexedCity? Find(string id) => _byId.GetValueOrDefault(id);

    private ReadOnlySpan<long> TrigramsOf(int i) => _trigrams.AsSpan(_trigramStart[i], _trigramStart[i + 1] - _trigramStart[i]);

    /// <summary>Every form starting with <paramref name="query"/>: its city and its score
    /// (1 for the whole form equal to the query, plus the similarity).</summary>
    public void Prefixed(string query, long[] queryTrigrams, Action<IndexedCity, double> found)
    {
        var first = LowerBound(query);
        for (var i = first; i < _names.Length && _names[i].StartsWith(query, StringComparison.Ordinal); i++)
        {
            var exact = _names[i].Length == query.Length ? 1.0 : 0.0;
            found(_cityOf[i], exact + Trigrams.Similarity(queryTrigrams, TrigramsOf(i)));
        }
    }

    /// <summary>Every form at least <see cref="Trigrams.SimilarityThreshold"/> similar to the query, by counting
    /// the trigrams each form shares with it over the query's posting lists.</summary>
    public void Similar(long[] queryTrigrams, Action<IndexedCity, double> found)
    {
        // Counters for every form, zero between calls: only the ones touched are reset.
        var shared = Counters.Rent(_names.Length);
        var touched = new List<int>();
        try
        {
            foreach (var t in queryTrigrams)
            {
                if (_postings.TryGetValue(t, out var names))
                {
                    foreach (var i in names)
                    {
                        if (shared[i]++ == 0)
                        {
                            touched.Add(i);
                        }
                    }
                }
            }
            foreach (var i in touched)
            {
                var similarity = Trigrams.Similarity(shared[i], queryTrigrams.Length, _trigramStart[i + 1] - _trigramStart[i]);
                if (similarity >= Trigrams.SimilarityThreshold)
                {
                    found(_cityOf[i], similarity);
                }
            }
        }
        finally
        {
            foreach (var i in touched)
            {
                shared[i] = 0;
            }
            Counters.Return(shared);
        }
    }

    private int LowerBound(string query)
    {
        int lo = 0, hi = _names.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_names[mid], query) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
