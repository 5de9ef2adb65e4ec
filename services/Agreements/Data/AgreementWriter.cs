using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Messaging;
using Paradiplomacy.ServiceDefaults.Security;

namespace Paradiplomacy.Agreements.Data;

/// <summary>The one way an agreement changes: load it, check the etag, let the domain decide, and
/// save the new state, its audit record (who, when, which fields from what to what) and the events
/// it raised in one transaction.</summary>
public sealed class AgreementWriter(AgreementsDbContext db, TimeProvider clock)
{
    private static readonly AgreementStatus[] OpenStatuses =
        [AgreementStatus.Draft, AgreementStatus.Submitted, AgreementStatus.Cleared, AgreementStatus.Signed];

    public async Task<Agreement> FindAsync(string id, bool tracked, CancellationToken ct)
    {
        new Violations().Required("id", id).MaxLength("id", id, 64).ThrowIfAny();
        var query = tracked ? db.Agreements : db.Agreements.AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Agreement", id);
    }

    public Task<Agreement> ChangeAsync(string id, string? etag, string actor, string action, Action<Agreement> change, CancellationToken ct) =>
        ChangeAsync(id, etag, actor, action, a =>
        {
            change(a);
            return Task.CompletedTask;
        }, ct);

    public async Task<Agreement> ChangeAsync(string id, string? etag, string actor, string action, Func<Agreement, Task> change, CancellationToken ct)
    {
        var agreement = await FindAsync(id, tracked: true, ct);
        if (!string.IsNullOrEmpty(etag) && etag.Trim('"') != agreement.Etag)
        {
            throw new ConcurrencyConflictException("Agreement", id);
        }
        var before = AgreementAudit.Snapshot(agreement);
        await change(agreement);
        Record(agreement, before, actor, action);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    public async Task AddAsync(Agreement agreement, string actor, string action, CancellationToken ct)
    {
        db.Agreements.Add(agreement);
        Record(agreement, new Dictionary<string, string?>(), actor, action);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One active agreement of a kind between the same pair at a time; a version's own
    /// predecessor does not count, since the new version replaces it.</summary>
    public async Task EnsureNoActiveDuplicateAsync(Agreement agreement, CancellationToken ct)
    {
        var partners = agreement.PartnerIds.ToList();
        var clash = await db.Agreements.AsNoTracking()
            .Where(a => a.Id != agreement.Id && a.Id != agreement.ParentId && a.Kind == agreement.Kind && a.Status == AgreementStatus.Active
                        && a.IndonesianPartyId == agreement.IndonesianPartyId && a.PartnerIds.Any(p => partners.Contains(p)))
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw new AlreadyExistsException(
                $"{agreement.IndonesianParty.Name} already has an active {agreement.Kind} agreement with {string.Join(", ", clash.ForeignParties.Where(p => partners.Contains(p.CityId)).Select(p => p.Name))}: '{clash.Id}'. Renew or amend it instead.");
        }
    }

    /// <summary>Activates a signed agreement whose effective date has come, closing the version it replaces.</summary>
    public async Task ActivateIfDueAsync(Agreement agreement, string actor, DateOnly today, CancellationToken ct)
    {
        if (agreement.Status != AgreementStatus.Signed || agreement.EffectiveDate > today)
        {
            return;
        }
        await EnsureNoActiveDuplicateAsync(agreement, ct);
        agreement.ActivateIfDue(today, actor, clock.GetUtcNow());
        if (agreement.ParentId is not null && await db.Agreements.FirstOrDefaultAsync(a => a.Id == agreement.ParentId, ct) is { } parent)
        {
            var before = AgreementAudit.Snapshot(parent);
            parent.Supersede(actor, clock.GetUtcNow());
            Record(parent, before, actor, "supersede");
        }
    }

    public async Task<Agreement> StartNextVersionAsync(string id, string? etag, VersionRelation relation, int? months, Caller caller, CancellationToken ct)
    {
        var current = await FindAsync(id, tracked: false, ct);
        if (!string.IsNullOrEmpty(etag) && etag.Trim('"') != current.Etag)
        {
            throw new ConcurrencyConflictException("Agreement", id);
        }
        if (months is < 0 or > Agreement.MaxValidityMonths)
        {
            throw new ValidationException("validity_months", $"must be between 1 and {Agreement.MaxValidityMonths}");
        }
        var open = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.ParentId == id && OpenStatuses.Contains(a.Status), ct);
        if (open is not null)
        {
            throw new AlreadyExistsException($"A {open.Relation} of this agreement is already in progress: '{open.Id}' ({open.Status}).");
        }
        var next = current.StartNextVersion(relation, months, caller, clock.GetUtcNow());
        await AddAsync(next, caller.Describe(), relation == VersionRelation.Renewal ? "renew" : "amend", ct);
        return next;
    }

    /// <summary>The versions of an agreement, oldest first: back to the original, then forward through its successors.</summary>
    public async Task<IReadOnlyList<Agreement>> ChainAsync(string id, CancellationToken ct)
    {
        var start = await FindAsync(id, tracked: false, ct);
        var chain = new List<Agreement> { start };
        for (var parentId = start.ParentId; parentId is not null && chain.Count < 100;)
        {
            var parent = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                break;
            }
            chain.Insert(0, parent);
            parentId = parent.ParentId;
        }
        for (var currentId = start.Id; chain.Count < 100;)
        {
            var children = await db.Agreements.AsNoTracking().Where(a => a.ParentId == currentId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
            if (children.Count == 0)
            {
                break;
            }
            chain.AddRange(children);
            currentId = children[^1].Id;
        }
        return chain;
    }

    /// <summary>Stores a new version of a document; a legally binding upload makes the others not binding.</summary>
    public async Task<AgreementDocument> AddDocumentAsync(Agreement agreement, string title, string language, bool legallyBinding,
        string contentType, byte[] content, string actor, CancellationToken ct)
    {
        var latest = await db.Documents.Where(d => d.AgreementId == agreement.Id && d.Title == title && d.Language == language)
            .MaxAsync(d => (int?)d.Version, ct) ?? 0;
        if (legallyBinding)
        {
            await foreach (var other in db.Documents.Where(d => d.AgreementId == agreement.Id && d.LegallyBinding).AsAsyncEnumerable().WithCancellation(ct))
            {
                other.LegallyBinding = false;
            }
        }
        var document = new AgreementDocument
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
            UploadedBy = actor,
            UploadedAt = clock.GetUtcNow(),
        };
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Data = content });
        db.AuditRecords.Add(new AuditRecord
        {
            AgreementId = agreement.Id,
            Actor = actor,
            At = clock.GetUtcNow(),
            Action = "upload_document",
            Changes = [new FieldChange("documents", null, $"{title} ({language}) v{document.Version}, {content.Length} bytes, sha256 {document.Sha256}{(legallyBinding ? ", legally binding" : string.Empty)}")],
        });
        await db.SaveChangesAsync(ct);
        return document;
    }

    private void Record(Agreement agreement, IReadOnlyDictionary<string, string?> before, string actor, string action)
    {
        var changes = AgreementAudit.Diff(before, AgreementAudit.Snapshot(agreement));
        if (changes.Count == 0 && agreement.PendingEvents.Count == 0)
        {
            return;
        }
        db.AuditRecords.Add(new AuditRecord
        {
            AgreementId = agreement.Id,
            Actor = actor,
            At = clock.GetUtcNow(),
            Action = action,
            Changes = [.. changes],
        });
        foreach (var integrationEvent in agreement.PendingEvents)
        {
            db.AddIntegrationEvent(integrationEvent);
        }
        agreement.ClearEvents();
    }
}
