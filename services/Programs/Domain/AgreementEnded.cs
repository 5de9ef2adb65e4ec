namespace Paradiplomacy.Programs.Domain;

/// <summary>The flag on a program that was open when its agreement expired or ended.</summary>
public sealed record AgreementEnded(string AgreementStatus, DateTimeOffset At);
