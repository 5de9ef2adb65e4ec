namespace Paradiplomacy.Registry.Domain;

/// <summary>PostgreSQL pg_trgm's trigrams and similarity, computed here so that the registry's in-memory
/// search ranks exactly as its SQL does: each word padded with two spaces before and one after, every three
/// consecutive characters of it, the set of those; similarity is shared / (a + b − shared) in single precision.</summary>
public static class Trigrams
{
    /// <summary>pg_trgm.similarity_threshold's default: the <c>%</c> operator's bar for "similar".</summary>
    public const double SimilarityThreshold = 0.3;

    /// <summary>The sorted, distinct trigrams of a normalized name, each packed into one long.</summary>
    public static long[] Of(string text)
    {
        var trigrams = new List<long>(text.Length + 4);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            if (i == start)
            {
                break;
            }
            // "  word ": the word's first letters get trigrams of their own, the last one with the space after it.
            char At(int k) => k < 2 || k >= i - start + 2 ? ' ' : text[start + k - 2];
            for (var k = 0; k <= i - start; k++)
            {
                trigrams.Add(Pack(At(k), At(k + 1), At(k + 2)));
            }
        }
        trigrams.Sort();
        var distinct = 0;
        for (var k = 0; k < trigrams.Count; k++)
        {
            if (k == 0 || trigrams[k] != trigrams[distinct - 1])
            {
                trigrams[distinct++] = trigrams[k];
            }
        }
        return [.. trigrams.Take(distinct)];
    }

    /// <summary>pg_trgm's similarity of two trigram sets (sorted, distinct).</summary>
    public static float Similarity(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0f;
        }
        var shared = Shared(a, b);
        return Similarity(shared, a.Length, b.Length);
    }

    /// <summary>The similarity from the counts, as pg_trgm computes it (float4).</summary>
    public static float Similarity(int shared, int a, int b) => shared / (float)(a + b - shared);

    public static int Shared(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }

    private static long Pack(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;
}
