namespace Paradiplomacy.Agreements.Domain;

/// <summary>A government in the agreement, as the registry knew it when the agreement was drafted.</summary>
public sealed record Party(string CityId, string Name, string CountryCode, string? RegionCode);
