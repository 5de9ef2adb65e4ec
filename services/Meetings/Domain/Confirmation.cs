namespace Paradiplomacy.Meetings.Domain;

public sealed record Confirmation(Side Side, string ConfirmedBy, DateTimeOffset ConfirmedAt);
