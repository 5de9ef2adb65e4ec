namespace Paradiplomacy.Meetings.Domain;

/// <summary>Someone invited, from one side, with their city (a party to the agreement) and their own zone.
/// Name and e-mail are personal data: never in the public view, the audit or another region's.</summary>
public sealed class MeetingParticipant
{
    public required string Id { get; init; }
    public string Name { get; set; } = null!;
    public string Email { get; set; } = null!;
    public string? Position { get; set; }
    public string CityId { get; set; } = null!;
    public string CountryCode { get; set; } = null!;
    public Side Side { get; set; }
    public string TimeZone { get; set; } = null!;
    public bool Optional { get; set; }
}
