namespace Paradiplomacy.Agreements.Domain;

/// <summary>The bytes of a document version, kept apart so listing documents never loads them.</summary>
public sealed class DocumentContent
{
    public required string DocumentId { get; init; }
    public required byte[] Data { get; init; }
}
