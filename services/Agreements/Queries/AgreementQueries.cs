using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Agreements.Grpc;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Queries;

/// <summary>The agreements' reads, each answer in the contract's shape and as much as the caller may
/// see (<see cref="Agreement.ViewFor"/>): one agreement, filtered lists, the version chain with its
/// audit trail, counts, document downloads. What a caller may not see at all is NOT_FOUND, so a
/// draft's existence does not leak.</summary>
public sealed class AgreementQueries(AgreementsDbContext db, TimeProvider clock)
{
    public static readonly string[] FilterFields = ["region", "party", "partner_country", "status", "field", "kind"];

    public async Task<V1.Agreement> GetAsync(string id, Caller caller, CancellationToken ct)
    {
        var (agreement, view) = await FindVisibleAsync(id, caller, ct);
        return agreement.ToProto(await DocumentsAsync([agreement.Id], view, ct), view);
    }

    /// <summary>The agreement as its writer sees it after a change (the writer may change it, so sees it all).</summary>
    public async Task<V1.Agreement> ToProtoAsync(Agreement agreement, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Where(d => d.AgreementId == agreement.Id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return agreement.ToProto(documents);
    }

    /// <summary>A page of agreements matching the filter terms; with <paramref name="expiringWithinDays"/>,
    /// the active ones that expire within that many days, soonest first.</summary>
    public async Task<V1.ListAgreementsResponse> ListAsync(IReadOnlyDictionary<string, string> terms, int expiringWithinDays, PageRequest page,
        Caller caller, CancellationToken ct)
    {
        var query = VisibleTo(db.Agreements.AsNoTracking(), caller);
        if (terms.TryGetValue("region", out var region))
        {
            query = query.Where(a => a.RegionCode == region);
        }
        if (terms.TryGetValue("party", out var party))
        {
            query = query.Where(a => a.IndonesianPartyId == party || a.PartnerIds.Contains(party));
        }
        if (terms.TryGetValue("partner_country", out var country))
        {
            var code = country.ToUpperInvariant();
            query = query.Where(a => a.PartnerCountries.Contains(code));
        }
        if (terms.TryGetValue("status", out var status))
        {
            var parsed = FilterTerms.ParseEnum<AgreementStatus>("status", status);
            query = query.Where(a => a.Status == parsed);
        }
        if (terms.TryGetValue("field", out var field))
        {
            query = query.Where(a => a.Fields.Contains(field));
        }
        if (terms.TryGetValue("kind", out var kind))
        {
            var parsed = FilterTerms.ParseEnum<AgreementKind>("kind", kind);
            query = query.Where(a => a.Kind == parsed);
        }
        if (expiringWithinDays > 0)
        {
            var until = CalendarDay.InIndonesia(clock.GetUtcNow()).AddDays(expiringWithinDays);
            query = query.Where(a => a.Status == AgreementStatus.Active && a.ExpiryDate != null && a.ExpiryDate <= until);
        }

        var total = await query.CountAsync(ct);
        var agreements = await query
            .OrderBy(a => expiringWithinDays > 0 ? a.ExpiryDate : null)
            .ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        var response = new V1.ListAgreementsResponse { TotalSize = total, NextPageToken = page.NextToken(agreements.Count, page.Offset + agreements.Count < total) };
        response.Agreements.AddRange(await ToProtoAsync(agreements, caller, ct));
        return response;
    }

    /// <summary>Every version of the agreement the caller may see, oldest first; the audit trail of all
    /// of them only for those who see the agreement whole.</summary>
    public async Task<V1.AgreementHistory> HistoryAsync(string id, Caller caller, CancellationToken ct)
    {
        var (start, view) = await FindVisibleAsync(id, caller, ct);
        var chain = (await ChainAsync(start, ct)).Where(a => a.ViewFor(caller) != AgreementView.None).ToList();
        var history = new V1.AgreementHistory();
        history.Versions.AddRange(await ToProtoAsync(chain, caller, ct));
        if (view == AgreementView.Full)
        {
            var ids = chain.Select(a => a.Id).ToList();
            var audit = await db.AuditRecords.AsNoTracking()
                .Where(r => r.AggregateType == nameof(Agreement) && ids.Contains(r.AggregateId)).OrderBy(r => r.Id).ToListAsync(ct);
            history.Audit.AddRange(audit.Select(r => r.ToProto()));
        }
        return history;
    }

    public async Task<V1.CountActivePartnershipsResponse> CountActivePartnershipsAsync(string region, CancellationToken ct)
    {
        var active = await db.Agreements.AsNoTracking()
            .Where(a => a.RegionCode == region && a.Status == AgreementStatus.Active)
            .Select(a => a.PartnerIds).ToListAsync(ct);
        return new V1.CountActivePartnershipsResponse
        {
            Region = region,
            ActiveAgreements = active.Count,
            Partners = active.SelectMany(p => p).Distinct().Count(),
        };
    }

    /// <summary>A stored document of the agreement with its bytes, for those who see the agreement whole or are its party.</summary>
    public async Task<(AgreementDocument Document, ByteString Content)> DocumentAsync(string agreementId, string documentId, Caller caller, CancellationToken ct)
    {
        var (_, view) = await FindVisibleAsync(agreementId, caller, ct);
        if (view is not (AgreementView.Full or AgreementView.Party))
        {
            throw new NotFoundException("Document", documentId);
        }
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.AgreementId == agreementId, ct)
            ?? throw new NotFoundException("Document", documentId);
        var content = await db.DocumentContents.AsNoTracking().FirstAsync(c => c.DocumentId == document.Id, ct);
        return (document, ByteString.CopyFrom(content.Data));
    }

    private async Task<(Agreement Agreement, AgreementView View)> FindVisibleAsync(string id, Caller caller, CancellationToken ct)
    {
        Ids.Check("id", id);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var view = agreement?.ViewFor(caller) ?? AgreementView.None;
        return view == AgreementView.None ? throw new NotFoundException("Agreement", id) : (agreement!, view);
    }

    /// <summary><see cref="Agreement.ViewFor"/> as a query: the agreements the caller sees at least in part.</summary>
    private static IQueryable<Agreement> VisibleTo(IQueryable<Agreement> agreements, Caller caller)
    {
        if (caller.HasRole(Roles.MinistryReviewer))
        {
            return agreements;
        }
        var statuses = Agreement.PublicStatuses.ToList();
        var region = caller.HasRole(Roles.RegionalOfficer) ? caller.RegionCode : null;
        var city = caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        return agreements.Where(a => statuses.Contains(a.Status)
            || (region != null && a.RegionCode == region)
            || (city != null && (a.IndonesianPartyId == city || a.PartnerIds.Contains(city))));
    }

    /// <summary>The versions of an agreement, oldest first: back to the original, then forward through its successors.</summary>
    private async Task<IReadOnlyList<Agreement>> ChainAsync(Agreement start, CancellationToken ct)
    {
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

    private async Task<List<V1.Agreement>> ToProtoAsync(IReadOnlyList<Agreement> agreements, Caller caller, CancellationToken ct)
    {
        var views = agreements.ToDictionary(a => a.Id, a => a.ViewFor(caller));
        var documents = await DocumentsAsync(views.Where(v => v.Value is AgreementView.Full or AgreementView.Party).Select(v => v.Key).ToList(), AgreementView.Full, ct);
        return agreements.Select(a => a.ToProto(documents.Where(d => d.AgreementId == a.Id), views[a.Id])).ToList();
    }

    private async Task<List<AgreementDocument>> DocumentsAsync(IReadOnlyList<string> agreementIds, AgreementView view, CancellationToken ct) =>
        view is AgreementView.Full or AgreementView.Party
            ? await db.Documents.AsNoTracking().Where(d => agreementIds.Contains(d.AgreementId)).OrderBy(d => d.UploadedAt).ToListAsync(ct)
            : [];
}
