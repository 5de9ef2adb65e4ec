using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Agreements.Data;

/// <summary>The texts of an agreement, kept beside it: a new upload of a title and language is its
/// next version, a legally binding upload makes the others not binding, and each upload is in the
/// agreement's audit trail.</summary>
public sealed class AgreementDocuments(AgreementsDbContext db, AggregateWriter<Agreement> writer, TimeProvider clock)
{
    /// <summary>Stores an upload once the caller may add the agreement's documents and the file is
    /// what it claims (<see cref="AgreementDocument.Check"/>).</summary>
    public async Task<AgreementDocument> UploadAsync(string agreementId, string title, string language, bool legallyBinding,
        string contentType, byte[] content, Caller caller, CancellationToken ct)
    {
        AgreementDocument? document = null;
        await writer.ChangeAsync(agreementId, null, caller, "upload_document", async agreement =>
        {
            if (!agreement.CanBeChangedBy(caller))
            {
                throw new PermissionDeniedException($"Only an officer of {agreement.IndonesianParty.Name} ({agreement.RegionCode}) may add its documents.");
            }
            AgreementDocument.Check(title, language, contentType, content, new Violations()).ThrowIfAny();
            title = title.Trim();
            language = language.Trim().ToLowerInvariant();
            var latest = await db.Documents.Where(d => d.AgreementId == agreement.Id && d.Title == title && d.Language == language)
                .MaxAsync(d => (int?)d.Version, ct) ?? 0;
            if (legallyBinding)
            {
                await foreach (var other in db.Documents.Where(d => d.AgreementId == agreement.Id && d.LegallyBinding).AsAsyncEnumerable().WithCancellation(ct))
                {
                    other.LegallyBinding = false;
                }
            }
            document = new AgreementDocument
            {
                Id = $"doc-{Guid.NewGuid():N}",
                AgreementId = agreement.Id,
                Title = title,
                Language = language,
                LegallyBinding = legallyBinding,
                Version = latest + 1,
                ContentType = contentType,
                SizeBytes = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                UploadedBy = caller.Describe(),
                UploadedAt = clock.GetUtcNow(),
            };
            db.Documents.Add(document);
            db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Data = content });
            writer.Note(agreement, new FieldChange("documents", null,
                $"{title} ({language}) v{document.Version}, {content.Length} bytes, sha256 {document.Sha256}{(legallyBinding ? ", legally binding" : string.Empty)}"));
        }, ct);
        return document!;
    }
}
