namespace Paradiplomacy.Agreements.Domain;

public sealed record Termination(string TerminatedBy, DateOnly TerminatedOn, string Reason);
