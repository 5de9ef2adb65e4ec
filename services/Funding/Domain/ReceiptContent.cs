namespace Paradiplomacy.Funding.Domain;

/// <summary>The bytes of a receipt, in a table of their own.</summary>
public sealed class ReceiptContent
{
    public required string ReceiptId { get; init; }
    public required string ProgramId { get; init; }
    public required byte[] Data { get; init; }
}
