namespace Paradiplomacy.Programs.Domain;

/// <summary>A reported value of an indicator for a period. Unit and SDG targets are copied from the
/// indicator so that roll-ups read one table.</summary>
public sealed class IndicatorActual
{
    public required string Id { get; init; }
    public required string IndicatorId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public double Value { get; init; }
    public Dictionary<string, string> Disaggregation { get; init; } = [];

    /// <summary>No breakdown: the total for the period, which sums and rolls up.</summary>
    public bool IsTotal { get; init; }
    public List<Evidence> Evidence { get; init; } = [];
    public DateOnly RecordedOn { get; init; }
    public required string RecordedBy { get; init; }
    public required string Unit { get; init; }
    public List<string> SdgTargets { get; init; } = [];
}
