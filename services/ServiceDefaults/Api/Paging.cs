using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>AIP-158 paging for every List method: a bounded page size (0 means the default) and an
/// opaque token bound to the query that made it.</summary>
public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static int Size(int requested, Violations violations, int max = MaxSize, int @default = DefaultSize, string field = "page_size")
    {
        var size = requested == 0 ? @default : requested;
        if (size < 1 || size > max)
        {
            violations.Add(field, $"must be between 1 and {max}");
        }
        return size;
    }

    /// <summary>Where the page starts: the offset a previous page's token carries, checked against this query.</summary>
    public static PageRequest Start(int size, string? pageToken, string fingerprint) =>
        new(size, PageToken.Decode(pageToken, fingerprint), fingerprint);
}
