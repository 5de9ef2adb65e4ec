namespace Paradiplomacy.Meetings.Data;

/// <summary>A time someone is in a meeting.</summary>
public sealed record Booking(string MeetingId, string Key, string Email, DateTimeOffset Start, DateTimeOffset End);
