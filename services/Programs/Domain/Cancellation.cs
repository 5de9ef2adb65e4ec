namespace Paradiplomacy.Programs.Domain;

public sealed record Cancellation(string Reason, string By, DateTimeOffset At);
