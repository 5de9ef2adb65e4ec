namespace Paradiplomacy.Meetings.Domain;

/// <summary>A participant as the organiser names them; the city decides the side and, unless a zone is given, the zone.</summary>
public sealed record ParticipantInput(string Name, string Email, string? Position, string CityId, string? TimeZone, bool Optional);
