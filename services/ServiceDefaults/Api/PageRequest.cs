namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>One page of a List: its size, where it starts, and the query it belongs to.</summary>
public sealed record PageRequest(int Size, int Offset, string Fingerprint)
{
    /// <summary>The token of the page after one that returned <paramref name="returned"/> items, or
    /// empty when <paramref name="more"/> says nothing follows.</summary>
    public string NextToken(int returned, bool more) => more ? PageToken.Encode(Offset + returned, Fingerprint) : string.Empty;
}
