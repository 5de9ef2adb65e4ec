namespace Paradiplomacy.Funding.Data;

/// <summary>A money-moving request already carried out: its request id, who sent it, what it did and to
/// what, so a retry returns the result instead of booking twice.</summary>
public sealed class MoneyRequest
{
    public required string ProgramId { get; init; }
    public required string RequestId { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public DateTimeOffset At { get; init; }
}
