namespace Paradiplomacy.Registry.Domain;

/// <summary>A "seeking partners" listing: which fields the region wants a partner for, and where.</summary>
public sealed class PartnerSeeking
{
    public bool Active { get; set; }
    public List<string> Fields { get; set; } = [];
    public string? Description { get; set; }
    public List<string> PreferredCountries { get; set; } = [];
}
