using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Domain;

/// <summary>A receipt behind an expenditure: a scan or a PDF, checked to be what it claims. Its bytes are
/// kept apart (<see cref="ReceiptContent"/>) so reading an expenditure never loads them.</summary>
public sealed record Receipt(string Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileName = 200;
    public const int MaxPerExpenditure = 20;

    private static readonly IReadOnlyDictionary<string, byte[]> Signatures = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
    };

    /// <summary>A named PDF, JPEG or PNG that is what it claims (by its first bytes), not empty, at most
    /// <see cref="MaxBytes"/>; a file name is a name, not a path.</summary>
    public static Violations Check(string fileName, string contentType, ReadOnlySpan<byte> data, Violations violations)
    {
        violations.Required("file_name", fileName).MaxLength("file_name", fileName, MaxFileName);
        if (fileName.IndexOfAny(['/', '\\', '\0']) >= 0 || fileName.Trim() is "." or "..")
        {
            violations.Add("file_name", "is a file name, without folders");
        }
        if (!Signatures.TryGetValue(contentType, out var signature))
        {
            violations.Add("content.content_type", "upload a PDF (application/pdf), JPEG (image/jpeg) or PNG (image/png)");
        }
        else if (!data.StartsWith(signature))
        {
            violations.Add("content.data", $"is not a {contentType} file");
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
