namespace Paradiplomacy.Registry.Domain;

/// <summary>A country (ISO 3166-1 alpha-2) with its languages and currencies, from countries-list.</summary>
public sealed class Country
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? NativeName { get; init; }
    public string? Capital { get; init; }
    public List<string> Currencies { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public string? Continent { get; init; }
}
