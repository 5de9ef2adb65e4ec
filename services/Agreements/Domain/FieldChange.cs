namespace Paradiplomacy.Agreements.Domain;

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
