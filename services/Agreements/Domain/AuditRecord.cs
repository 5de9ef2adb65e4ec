namespace Paradiplomacy.Agreements.Domain;

/// <summary>Who changed an agreement, when, how, and which fields from what to what.</summary>
public sealed class AuditRecord
{
    public long Id { get; init; }
    public required string AgreementId { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public List<FieldChange> Changes { get; init; } = [];
}
