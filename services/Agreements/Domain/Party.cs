namespace Paradiplomacy.Agreements.Domain;

/// <summary>A government in the agreement, as the registry knew it when the agreement was drafted;
/// <see cref="Level"/> is the registry's level (Province, City, Regency, Subdivision, Municipality), absent on parties recorded before it was kept.</summary>
public sealed record Party(string CityId, string Name, string CountryCode, string? RegionCode, string? Level = null);
