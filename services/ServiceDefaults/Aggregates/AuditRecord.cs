namespace Paradiplomacy.ServiceDefaults.Aggregates;

/// <summary>Who changed an aggregate, when, how, and which fields from what to what. Every service
/// keeps its own in its audit_records table; the write path adds one per change.</summary>
public sealed class AuditRecord
{
    public const int MaxActor = 200;
    public const int MaxAction = 50;

    public long Id { get; init; }
    /// <summary>The aggregate's type name ("Agreement", "City").</summary>
    public required string AggregateType { get; init; }
    public required string AggregateId { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public List<FieldChange> Changes { get; init; } = [];
}
