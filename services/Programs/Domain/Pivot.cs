namespace Paradiplomacy.Programs.Domain;

/// <summary>A switch of delivery mode (the pandemic moved exchanges online), with its reason.</summary>
public sealed record Pivot(DeliveryMode From, DeliveryMode To, string Reason, string By, DateTimeOffset At);
