namespace Paradiplomacy.Agreements.Domain;

/// <summary>One uploaded version of a text of an agreement. Uploading the same title and language
/// again makes the next version; older versions stay downloadable.</summary>
public sealed class AgreementDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "PDF",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "DOCX",
    };

    public required string Id { get; init; }
    public required string AgreementId { get; init; }
    public required string Title { get; init; }
    public required string Language { get; init; }
    public bool LegallyBinding { get; set; }
    public int Version { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Checks the bytes are what the content type claims: PDFs start with %PDF-, DOCX files are ZIPs.</summary>
    public static bool LooksLike(string contentType, ReadOnlySpan<byte> content) => AllowedTypes.TryGetValue(contentType, out var kind) && kind switch
    {
        "PDF" => content.StartsWith("%PDF-"u8),
        "DOCX" => content.StartsWith("PK\u0003\u0004"u8),
        _ => false,
    };
}
