namespace Paradiplomacy.Meetings.Domain;

/// <summary>Who came to an occurrence: the participants by id, and guests not on the list by side.</summary>
public sealed record Attendance(string OccurrenceKey, List<string> ParticipantIds, int AttendedIndonesian, int AttendedForeign,
    int GuestsIndonesian, int GuestsForeign, string RecordedBy, DateTimeOffset RecordedAt);
