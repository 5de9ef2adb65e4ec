namespace Paradiplomacy.Registry.Data;

/// <summary>One searchable form of a city's name (normalized; whole name or a tail from a word).</summary>
public sealed class CityName
{
    public required string CityId { get; init; }
    public required string Name { get; init; }
}
