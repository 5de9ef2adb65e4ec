namespace Paradiplomacy.Agreements.Domain;

/// <summary>An agreement signed before the platform, entered from its record (<see cref="Source"/>).</summary>
public sealed record Registration(string RegisteredBy, DateTimeOffset RegisteredAt, string Source);
