using NodaTime;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>One participant as the time finder sees them: where they are (zone, country and region for
/// weekends and holidays), their working hours and the times they are already booked.</summary>
public sealed record SlotSeeker(string Label, DateTimeZone Zone, string CountryCode, string? RegionCode, WorkingHours Hours, IReadOnlyList<Interval> Busy);
