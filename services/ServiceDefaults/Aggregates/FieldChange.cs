namespace Paradiplomacy.ServiceDefaults.Aggregates;

/// <summary>One field of an audited change, from what to what.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
