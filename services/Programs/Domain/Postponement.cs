namespace Paradiplomacy.Programs.Domain;

/// <summary>A move to new dates, with why and from which dates.</summary>
public sealed record Postponement(string Reason, DateOnly PreviousStart, DateOnly PreviousEnd, DateOnly NewStart, DateOnly NewEnd, string By, DateTimeOffset At);
