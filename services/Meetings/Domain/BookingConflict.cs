namespace Paradiplomacy.Meetings.Domain;

/// <summary>A participant who is in another meeting at an overlapping time (found when scheduling).</summary>
public sealed record BookingConflict(string ParticipantId, string OtherMeetingId, string OccurrenceKey, DateTimeOffset StartsAt);
