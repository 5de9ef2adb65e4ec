using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Security;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Grpc;

public sealed class AgreementsService(
    AgreementsDbContext db,
    AgreementWriter writer,
    RegistryParties registry,
    IOptions<ClearancePolicy> policy,
    TimeProvider clock) : V1.Agreements.AgreementsBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;
    private static readonly string[] FilterFields = ["region", "party", "partner_country", "status", "field", "kind"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [Authorize]
    public override async Task<V1.Agreement> CreateAgreement(V1.CreateAgreementRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var input = request.Agreement ?? new V1.Agreement();
        var ct = context.CancellationToken;
        var violations = new Violations().MaxLength("request_id", request.RequestId, 100);
        if (input.Kind == V1.AgreementKind.Unspecified || !Enum.IsDefined((AgreementKind)(int)input.Kind))
        {
            violations.Add("agreement.kind", "is required: SISTER_CITY, SISTER_PROVINCE or TECHNICAL_COOPERATION");
        }
        if (string.IsNullOrWhiteSpace(input.IndonesianParty?.CityId))
        {
            violations.Add("agreement.indonesian_party.city_id", "is required (the registry id of the Indonesian region, e.g. idn-35.78)");
        }
        violations.ThrowIfAny();

        if (request.RequestId.Length > 0 && await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.RequestId == request.RequestId, ct) is { } earlier)
        {
            return await ToProtoAsync(earlier, ct);
        }
        var indonesian = await registry.IndonesianAsync(input.IndonesianParty!.CityId, "agreement.indonesian_party.city_id", ct);
        if (!caller.CanManageRegion(indonesian.RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of {indonesian.Name} ({indonesian.RegionCode}) may draft its agreements.");
        }
        var foreign = await registry.ForeignAsync(input.ForeignParties.Select(p => p.CityId).ToList(), "agreement.foreign_parties", ct);
        var agreement = Agreement.Draft((AgreementKind)(int)input.Kind, input.Title, indonesian, foreign, input.Fields, Blank(input.Objectives),
            Blank(input.Mechanisms), input.ValidityMonths, input.IndonesianContact.ToDomain(), input.ForeignContact.ToDomain(), caller,
            request.RequestId.Length > 0 ? request.RequestId : null, clock.GetUtcNow());
        await writer.EnsureNoActiveDuplicateAsync(agreement, ct);
        await writer.AddAsync(agreement, caller.Describe(), "draft", ct);
        return await ToProtoAsync(agreement, ct);
    }

    public override async Task<V1.Agreement> GetAgreement(V1.GetAgreementRequest request, ServerCallContext context) =>
        await ToProtoAsync(await writer.FindAsync(request.Id, tracked: false, context.CancellationToken), context.CancellationToken);

    public override async Task<V1.ListAgreementsResponse> ListAgreements(V1.ListAgreementsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var violations = new Violations();
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"must be between 1 and {MaxPageSize}");
        }
        if (request.ExpiringWithinDays is < 0 or > 3650)
        {
            violations.Add("expiring_within_days", "must be between 1 and 3650");
        }
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, FilterFields);
        var offset = PageToken.Decode(request.PageToken, $"{request.Filter}|{request.ExpiringWithinDays}");

        var query = db.Agreements.AsNoTracking();
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
        if (request.ExpiringWithinDays > 0)
        {
            var until = Today.AddDays(request.ExpiringWithinDays);
            query = query.Where(a => a.Status == AgreementStatus.Active && a.ExpiryDate != null && a.ExpiryDate <= until);
        }

        var total = await query.CountAsync(ct);
        var page = await query
            .OrderBy(a => request.ExpiringWithinDays > 0 ? a.ExpiryDate : null)
            .ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip(offset).Take(pageSize).ToListAsync(ct);
        var response = new V1.ListAgreementsResponse { TotalSize = total };
        var ids = page.Select(a => a.Id).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.AgreementId)).ToListAsync(ct);
        response.Agreements.AddRange(page.Select(a => a.ToProto(documents.Where(d => d.AgreementId == a.Id).OrderBy(d => d.UploadedAt))));
        if (offset + page.Count < total)
        {
            response.NextPageToken = PageToken.Encode(offset + page.Count, $"{request.Filter}|{request.ExpiringWithinDays}");
        }
        return response;
    }

    [Authorize]
    public override async Task<V1.Agreement> UpdateAgreement(V1.UpdateAgreementRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var ct = context.CancellationToken;
        var input = request.Agreement ?? new V1.Agreement();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToHashSet() : null;
        string[] allowed = ["title", "foreign_parties", "fields", "objectives", "mechanisms", "validity_months", "indonesian_contact", "foreign_contact"];
        var unknown = paths?.Where(p => !allowed.Contains(p)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new ValidationException("update_mask", $"cannot change {string.Join(", ", unknown)} here; a draft's changeable fields are {string.Join(", ", allowed)}");
        }
        bool Masked(string path) => paths is null || paths.Contains(path);

        var current = await writer.FindAsync(request.Id, tracked: false, ct);
        var foreign = Masked("foreign_parties")
            ? await registry.ForeignAsync(input.ForeignParties.Select(p => p.CityId).ToList(), "agreement.foreign_parties", ct)
            : current.ForeignParties;
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller.Describe(), "update", a => a.Revise(
            Masked("title") ? input.Title : a.Title,
            foreign,
            Masked("fields") ? input.Fields : a.Fields,
            Masked("objectives") ? Blank(input.Objectives) : a.Objectives,
            Masked("mechanisms") ? Blank(input.Mechanisms) : a.Mechanisms,
            Masked("validity_months") ? input.ValidityMonths : a.ValidityMonths,
            Masked("indonesian_contact") ? input.IndonesianContact.ToDomain() : a.IndonesianContact,
            Masked("foreign_contact") ? input.ForeignContact.ToDomain() : a.ForeignContact,
            caller, clock.GetUtcNow()), ct);
        return await ToProtoAsync(agreement, ct);
    }

    [Authorize]
    public override async Task<V1.Agreement> SubmitAgreement(V1.SubmitAgreementRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller.Describe(), "submit",
            a => a.Submit(policy.Value.For(a.Kind), caller, clock.GetUtcNow()), context.CancellationToken);
        return await ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> RecordClearance(V1.RecordClearanceRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var violations = new Violations();
        if (request.Kind == V1.ClearanceKind.Unspecified || !Enum.IsDefined((ClearanceKind)(int)request.Kind))
        {
            violations.Add("kind", "is required: DPRD_APPROVAL, KEMENDAGRI_CLEARANCE or KEMLU_CONSIDERATION");
        }
        if (request.Decision == V1.ClearanceDecision.Unspecified || !Enum.IsDefined((ClearanceDecision)(int)request.Decision))
        {
            violations.Add("decision", "is required: APPROVED, RETURNED or REJECTED_DECISION");
        }
        var decidedOn = request.DecidedOn.ToDateOnly("decided_on", violations) ?? Today;
        violations.ThrowIfAny();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller.Describe(), "record_clearance",
            a => a.RecordClearance((ClearanceKind)(int)request.Kind, (ClearanceDecision)(int)request.Decision, decidedOn,
                request.ReferenceNumber, Blank(request.Comments), caller, Today, clock.GetUtcNow()), context.CancellationToken);
        return await ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> SignAgreement(V1.SignAgreementRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var violations = new Violations();
        if (request.Instrument == V1.InstrumentType.Unspecified || !Enum.IsDefined((InstrumentType)(int)request.Instrument))
        {
            violations.Add("instrument", "is required: LETTER_OF_INTENT, MEMORANDUM_OF_UNDERSTANDING or COOPERATION_AGREEMENT");
        }
        var indonesian = Signatory(request.IndonesianSignatory, "indonesian_signatory", violations);
        var foreign = Signatory(request.ForeignSignatory, "foreign_signatory", violations);
        var effective = request.EffectiveDate.ToDateOnly("effective_date", violations);
        violations.ThrowIfAny();

        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller.Describe(), "sign", a =>
        {
            a.Sign((InstrumentType)(int)request.Instrument, indonesian, foreign, effective, caller, Today, clock.GetUtcNow());
            return writer.ActivateIfDueAsync(a, caller.Describe(), Today, context.CancellationToken);
        }, context.CancellationToken);
        return await ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> RenewAgreement(V1.RenewAgreementRequest request, ServerCallContext context) =>
        await StartNextVersionAsync(request.Id, request.Etag, VersionRelation.Renewal, request.ValidityMonths, context);

    [Authorize]
    public override async Task<V1.Agreement> AmendAgreement(V1.AmendAgreementRequest request, ServerCallContext context) =>
        await StartNextVersionAsync(request.Id, request.Etag, VersionRelation.Amendment, null, context);

    [Authorize]
    public override async Task<V1.Agreement> TerminateAgreement(V1.TerminateAgreementRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var violations = new Violations();
        var on = request.TerminatedOn.ToDateOnly("terminated_on", violations) ?? Today;
        violations.ThrowIfAny();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller.Describe(), "terminate",
            a => a.Terminate(request.Reason, on, caller, Today, clock.GetUtcNow()), context.CancellationToken);
        return await ToProtoAsync(agreement, context.CancellationToken);
    }

    public override async Task<V1.CountActivePartnershipsResponse> CountActivePartnerships(V1.CountActivePartnershipsRequest request, ServerCallContext context)
    {
        new Violations().Required("region", request.Region).MaxLength("region", request.Region, 20).ThrowIfAny();
        var active = await db.Agreements.AsNoTracking()
            .Where(a => a.RegionCode == request.Region && a.Status == AgreementStatus.Active)
            .Select(a => a.PartnerIds).ToListAsync(context.CancellationToken);
        return new V1.CountActivePartnershipsResponse
        {
            Region = request.Region,
            ActiveAgreements = active.Count,
            Partners = active.SelectMany(p => p).Distinct().Count(),
        };
    }

    public override async Task<V1.AgreementHistory> GetAgreementHistory(V1.GetAgreementHistoryRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var chain = await writer.ChainAsync(request.Id, ct);
        var ids = chain.Select(a => a.Id).ToList();
        var audit = await db.AuditRecords.AsNoTracking().Where(r => ids.Contains(r.AgreementId)).OrderBy(r => r.Id).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.AgreementId)).ToListAsync(ct);
        var history = new V1.AgreementHistory();
        history.Versions.AddRange(chain.Select(a => a.ToProto(documents.Where(d => d.AgreementId == a.Id).OrderBy(d => d.UploadedAt))));
        history.Audit.AddRange(audit.Select(r => r.ToProto()));
        return history;
    }

    [Authorize]
    public override async Task<V1.Document> UploadDocument(V1.UploadDocumentRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var ct = context.CancellationToken;
        var content = request.Content ?? new HttpBody();
        var contentType = content.ContentType.Split(';')[0].Trim();
        var violations = new Violations()
            .Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("language", request.Language).MaxLength("language", request.Language, 10);
        if (!AgreementDocument.AllowedTypes.ContainsKey(contentType))
        {
            violations.Add("content.content_type", "upload a PDF (application/pdf) or a DOCX (application/vnd.openxmlformats-officedocument.wordprocessingml.document)");
        }
        else if (!AgreementDocument.LooksLike(contentType, content.Data.Span))
        {
            violations.Add("content.data", $"is not a {AgreementDocument.AllowedTypes[contentType]} file");
        }
        if (content.Data.Length == 0)
        {
            violations.Add("content.data", "is empty");
        }
        else if (content.Data.Length > AgreementDocument.MaxBytes)
        {
            violations.Add("content.data", $"is {content.Data.Length / 1024 / 1024} MiB; at most {AgreementDocument.MaxBytes / 1024 / 1024} MiB");
        }
        violations.ThrowIfAny();

        var agreement = await writer.FindAsync(request.AgreementId, tracked: false, ct);
        if (!agreement.CanBeChangedBy(caller))
        {
            throw new PermissionDeniedException($"Only an officer of {agreement.IndonesianParty.Name} ({agreement.RegionCode}) may add its documents.");
        }
        var document = await writer.AddDocumentAsync(agreement, request.Title.Trim(), request.Language.Trim().ToLowerInvariant(), request.LegallyBinding,
            contentType, content.Data.ToByteArray(), caller.Describe(), ct);
        return document.ToProto();
    }

    public override async Task<HttpBody> DownloadDocument(V1.DownloadDocumentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DocumentId && d.AgreementId == request.AgreementId, ct)
            ?? throw new NotFoundException("Document", request.DocumentId);
        var content = await db.DocumentContents.AsNoTracking().FirstAsync(c => c.DocumentId == document.Id, ct);
        var extension = document.ContentType == "application/pdf" ? "pdf" : "docx";
        context.GetHttpContext().Response.Headers.ContentDisposition =
            $"attachment; filename=\"{SafeFileName(document.Title)}-{document.Language}-v{document.Version}.{extension}\"";
        return new HttpBody { ContentType = document.ContentType, Data = ByteString.CopyFrom(content.Data) };
    }

    private static string SafeFileName(string title) => new(title.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private async Task<V1.Agreement> StartNextVersionAsync(string id, string etag, VersionRelation relation, int? months, ServerCallContext context)
    {
        var caller = CallerOf(context);
        var next = await writer.StartNextVersionAsync(id, etag, relation, months, caller, context.CancellationToken);
        return await ToProtoAsync(next, context.CancellationToken);
    }

    private async Task<V1.Agreement> ToProtoAsync(Agreement agreement, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Where(d => d.AgreementId == agreement.Id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return agreement.ToProto(documents);
    }

    private static Signatory Signatory(V1.Signatory? input, string field, Violations violations)
    {
        input ??= new V1.Signatory();
        var signedOn = input.SignedOn.ToDateOnly($"{field}.signed_on", violations) ?? default;
        return new Signatory(input.Name.Trim(), input.Title.Trim(), signedOn, input.Place.Trim());
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
