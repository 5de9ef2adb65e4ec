namespace Paradiplomacy.Agreements.Domain;

public sealed record Withdrawal(string WithdrawnBy, DateOnly WithdrawnOn, string Reason);
