namespace Paradiplomacy.Agreements.Data;

/// <summary>A pair of parties bound by an active agreement of a kind: one row per foreign party while
/// the agreement is ACTIVE. Its unique index is what makes "one active agreement of a kind per pair"
/// hold when activations race, where a read-then-write check cannot.</summary>
public sealed class ActivePair
{
    public long Id { get; init; }
    public required string AgreementId { get; init; }
    public required string IndonesianPartyId { get; init; }
    public required string ForeignPartyId { get; init; }
    public required string Kind { get; init; }
}
