namespace Paradiplomacy.Agreements.Domain;

public sealed record Signatory(string Name, string Title, DateOnly SignedOn, string Place);
