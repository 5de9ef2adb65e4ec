namespace Paradiplomacy.Meetings.Domain;

/// <summary>A party's city as the registry describes it, kept for its zone and country (weekends, holidays).</summary>
public sealed class Place
{
    public required string CityId { get; init; }
    public string Name { get; set; } = null!;
    public string CountryCode { get; set; } = null!;
    public string? RegionCode { get; set; }
    public string TimeZone { get; set; } = null!;
    public DateTimeOffset FetchedAt { get; set; }
}
