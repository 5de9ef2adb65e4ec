using System.ComponentModel.DataAnnotations;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Agreements.Domain;

/// <summary>One uploaded version of a text of an agreement. Uploading the same title and language
/// again makes the next version; older versions stay downloadable.</summary>
public sealed class AgreementDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxTitle = 200;
    public const int MaxLanguage = 10;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "PDF",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "DOCX",
    };

    public required string Id { get; init; }
    public required string AgreementId { get; init; }
    [MaxLength(MaxTitle)]
    public required string Title { get; init; }
    [MaxLength(MaxLanguage)]
    public required string Language { get; init; }
    public bool LegallyBinding { get; set; }
    public int Version { get; init; }
    [MaxLength(100)]
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    [MaxLength(64)]
    public required string Sha256 { get; init; }
    [MaxLength(200)]
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>Checks the bytes are what the content type claims: PDFs start with %PDF-, DOCX files are ZIPs.</summary>
    public static bool LooksLike(string contentType, ReadOnlySpan<byte> content) => AllowedTypes.TryGetValue(contentType, out var kind) && kind switch
    {
        "PDF" => content.StartsWith("%PDF-"u8),
        "DOCX" => content.StartsWith("PK\u0003\u0004"u8),
        _ => false,
    };

    /// <summary>What an upload must be: a titled text in a language, a PDF or DOCX that is what it
    /// claims, not empty, at most <see cref="MaxBytes"/>.</summary>
    public static Violations Check(string title, string language, string contentType, ReadOnlySpan<byte> data, Violations violations)
    {
        violations.Required("title", title).MaxLength("title", title, MaxTitle)
            .Required("language", language).MaxLength("language", language, MaxLanguage);
        if (!AllowedTypes.TryGetValue(contentType, out var kind))
        {
            violations.Add("content.content_type", "upload a PDF (application/pdf) or a DOCX (application/vnd.openxmlformats-officedocument.wordprocessingml.document)");
        }
        else if (!LooksLike(contentType, data))
        {
            violations.Add("content.data", $"is not a {kind} file");
        }
        if (data.Length == 0)
        {
            violations.Add("content.data", "is empty");
        }
        else if (data.Length > MaxBytes)
        {
            violations.Add("content.data", $"is {data.Length / 1024 / 1024} MiB; at most {MaxBytes / 1024 / 1024} MiB");
        }
        return violations;
    }
}
