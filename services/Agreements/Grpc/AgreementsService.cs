using Google.Api;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Agreements.Queries;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Grpc;

/// <summary>The agreements' contract: checks and translates each request, then changes agreements
/// through the write path (the aggregate decides) or reads through the queries.</summary>
public sealed class AgreementsService(
    AggregateWriter<Agreement> writer,
    AgreementVersions versions,
    AgreementDocuments documents,
    AgreementQueries queries,
    RegistryParties registry,
    IOptions<ClearancePolicy> policy,
    IOptions<PartyLevelRule> levels,
    TimeProvider clock) : V1.Agreements.AgreementsBase
{
    private static readonly string[] ChangeableFields =
        ["title", "foreign_parties", "fields", "objectives", "mechanisms", "validity_months", "indonesian_contact", "foreign_contact"];

    private DateOnly Today => CalendarDay.InIndonesia(clock.GetUtcNow());

    [Authorize]
    public override async Task<V1.Agreement> CreateAgreement(V1.CreateAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Agreement ?? new V1.Agreement();
        var ct = context.CancellationToken;
        var violations = NewAgreementViolations(caller, input, request.RequestId, out var kind);
        violations.ThrowIfAny();

        if (await writer.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return await queries.ToProtoAsync(earlier, ct);
        }
        var (indonesian, foreign) = await PartiesAsync(input, caller, ct);
        var agreement = Agreement.Draft(kind, input.Title, indonesian, foreign, input.Fields, Blank(input.Objectives),
            Blank(input.Mechanisms), input.ValidityMonths, input.IndonesianContact.ToDomain(), input.ForeignContact.ToDomain(), caller,
            Ids.OrNull(request.RequestId), clock.GetUtcNow(), levels.Value);
        await versions.DraftAsync(agreement, caller, ct);
        return await queries.ToProtoAsync(agreement, ct);
    }

    [Authorize]
    public override async Task<V1.Agreement> RegisterExistingAgreement(V1.RegisterExistingAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Agreement ?? new V1.Agreement();
        var ct = context.CancellationToken;
        var violations = NewAgreementViolations(caller, input, request.RequestId, out var kind);
        var instruments = request.Instruments.Select((i, n) => new Instrument(
            violations.Enum<V1.InstrumentType, InstrumentType>($"instruments[{n}].type", i.Type),
            Signatory(i.IndonesianSignatory, $"instruments[{n}].indonesian_signatory", violations),
            Signatory(i.ForeignSignatory, $"instruments[{n}].foreign_signatory", violations))).ToList();
        var effective = request.EffectiveDate.ToDateOnly("effective_date", violations);
        violations.ThrowIfAny();

        if (await writer.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return await queries.ToProtoAsync(earlier, ct);
        }
        var (indonesian, foreign) = await PartiesAsync(input, caller, ct);
        var agreement = Agreement.RegisterExisting(kind, input.Title, indonesian, foreign, input.Fields, Blank(input.Objectives), Blank(input.Mechanisms),
            input.ValidityMonths, input.IndonesianContact.ToDomain(), input.ForeignContact.ToDomain(), instruments, effective, request.Source, caller,
            Ids.OrNull(request.RequestId), Today, clock.GetUtcNow(), levels.Value);
        await versions.RegisterAsync(agreement, caller, ct);
        return await queries.ToProtoAsync(agreement, ct);
    }

    public override Task<V1.Agreement> GetAgreement(V1.GetAgreementRequest request, ServerCallContext context) =>
        queries.GetAsync(request.Id, context.Caller(), context.CancellationToken);

    public override async Task<V1.ListAgreementsResponse> ListAgreements(V1.ListAgreementsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        if (request.ExpiringWithinDays is < 0 or > 3650)
        {
            violations.Add("expiring_within_days", "must be between 1 and 3650");
        }
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, AgreementQueries.FilterFields);
        var page = Paging.Start(size, request.PageToken, $"{request.Filter}|{request.ExpiringWithinDays}");
        return await queries.ListAsync(terms, request.ExpiringWithinDays, page, context.Caller(), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> UpdateAgreement(V1.UpdateAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Agreement ?? new V1.Agreement();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToHashSet() : null;
        bool Masked(string path) => paths is null || paths.Contains(path);

        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller, "update", async a =>
        {
            var unknown = paths?.Where(p => !ChangeableFields.Contains(p)).ToList() ?? [];
            if (unknown.Count > 0)
            {
                throw new ValidationException("update_mask", $"cannot change {string.Join(", ", unknown)} here; a draft's changeable fields are {string.Join(", ", ChangeableFields)}");
            }
            new Violations().RejectOutputOnly(input, "agreement").ThrowIfAny();
            var foreign = Masked("foreign_parties")
                ? await registry.ForeignAsync(input.ForeignParties.Select(p => p.CityId).ToList(), "agreement.foreign_parties", ct)
                : a.ForeignParties;
            a.Revise(
            Masked("title") ? input.Title : a.Title,
            foreign,
            Masked("fields") ? input.Fields : a.Fields,
            Masked("objectives") ? Blank(input.Objectives) : a.Objectives,
            Masked("mechanisms") ? Blank(input.Mechanisms) : a.Mechanisms,
            Masked("validity_months") ? input.ValidityMonths : a.ValidityMonths,
            Masked("indonesian_contact") ? input.IndonesianContact.ToDomain() : a.IndonesianContact,
            Masked("foreign_contact") ? input.ForeignContact.ToDomain() : a.ForeignContact,
            caller, clock.GetUtcNow(), levels.Value);
        }, ct);
        return await queries.ToProtoAsync(agreement, ct);
    }

    [Authorize]
    public override async Task<V1.Agreement> SubmitAgreement(V1.SubmitAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller, "submit",
            a => a.Submit(policy.Value.For(a.Kind), caller, clock.GetUtcNow()), context.CancellationToken);
        return await queries.ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> RecordClearance(V1.RecordClearanceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller, "record_clearance", a =>
        {
            var violations = new Violations();
            var kind = violations.Enum<V1.ClearanceKind, ClearanceKind>("kind", request.Kind);
            var decision = violations.Enum<V1.ClearanceDecision, ClearanceDecision>("decision", request.Decision);
            var decidedOn = request.DecidedOn.ToDateOnly("decided_on", violations) ?? Today;
            violations.ThrowIfAny();
            a.RecordClearance(kind, decision, decidedOn, request.ReferenceNumber, Blank(request.Comments), caller, clock.GetUtcNow());
        }, context.CancellationToken);
        return await queries.ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> SignAgreement(V1.SignAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var agreement = await versions.SignAsync(request.Id, request.Etag, a =>
        {
            var violations = new Violations();
            var instrument = violations.Enum<V1.InstrumentType, InstrumentType>("instrument", request.Instrument);
            var indonesian = Signatory(request.IndonesianSignatory, "indonesian_signatory", violations);
            var foreign = Signatory(request.ForeignSignatory, "foreign_signatory", violations);
            var effective = request.EffectiveDate.ToDateOnly("effective_date", violations);
            violations.ThrowIfAny();
            a.Sign(instrument, indonesian, foreign, effective, caller, clock.GetUtcNow());
        }, caller, Today, context.CancellationToken);
        return await queries.ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override Task<V1.Agreement> RenewAgreement(V1.RenewAgreementRequest request, ServerCallContext context) =>
        StartNextVersionAsync(request.Id, request.Etag, VersionRelation.Renewal, request.ValidityMonths, context);

    [Authorize]
    public override Task<V1.Agreement> AmendAgreement(V1.AmendAgreementRequest request, ServerCallContext context) =>
        StartNextVersionAsync(request.Id, request.Etag, VersionRelation.Amendment, null, context);

    [Authorize]
    public override async Task<V1.Agreement> TerminateAgreement(V1.TerminateAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller, "terminate", a =>
        {
            var violations = new Violations();
            var on = request.TerminatedOn.ToDateOnly("terminated_on", violations) ?? Today;
            violations.ThrowIfAny();
            a.Terminate(request.Reason, on, caller, clock.GetUtcNow());
        }, context.CancellationToken);
        return await queries.ToProtoAsync(agreement, context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Agreement> WithdrawAgreement(V1.WithdrawAgreementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var agreement = await writer.ChangeAsync(request.Id, request.Etag, caller, "withdraw",
            a => a.Withdraw(request.Reason, caller, Today, clock.GetUtcNow()), context.CancellationToken);
        return await queries.ToProtoAsync(agreement, context.CancellationToken);
    }

    public override Task<V1.CountActivePartnershipsResponse> CountActivePartnerships(V1.CountActivePartnershipsRequest request, ServerCallContext context)
    {
        new Violations().Required("region", request.Region).MaxLength("region", request.Region, 20).ThrowIfAny();
        return queries.CountActivePartnershipsAsync(request.Region, context.CancellationToken);
    }

    public override Task<V1.AgreementHistory> GetAgreementHistory(V1.GetAgreementHistoryRequest request, ServerCallContext context) =>
        queries.HistoryAsync(request.Id, context.Caller(), context.CancellationToken);

    [Authorize]
    public override async Task<V1.Document> UploadDocument(V1.UploadDocumentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var content = request.Content ?? new HttpBody();
        var contentType = content.ContentType.Split(';')[0].Trim();
        var document = await documents.UploadAsync(request.AgreementId, request.Title, request.Language,
            request.LegallyBinding, contentType, content.Data.ToByteArray(), caller, context.CancellationToken);
        return document.ToProto();
    }

    public override async Task<HttpBody> DownloadDocument(V1.DownloadDocumentRequest request, ServerCallContext context)
    {
        var (document, content) = await queries.DocumentAsync(request.AgreementId, request.DocumentId, context.Caller(), context.CancellationToken);
        var extension = document.ContentType == "application/pdf" ? "pdf" : "docx";
        context.GetHttpContext().Response.Headers.ContentDisposition =
            $"attachment; filename=\"{SafeFileName(document.Title)}-{document.Language}-v{document.Version}.{extension}\"";
        return new HttpBody { ContentType = document.ContentType, Data = content };
    }

    /// <summary>What a new agreement (drafted or registered) must have before anything is looked up;
    /// only regional officers get this far.</summary>
    private static Violations NewAgreementViolations(HostDefaults.Security.Caller caller, V1.Agreement input, string requestId, out AgreementKind kind)
    {
        Agreement.RequireDrafter(caller);
        var violations = new Violations().RequestId(requestId).RejectOutputOnly(input, "agreement");
        kind = violations.Enum<V1.AgreementKind, AgreementKind>("agreement.kind", input.Kind);
        if (string.IsNullOrWhiteSpace(input.IndonesianParty?.CityId))
        {
            violations.Add("agreement.indonesian_party.city_id", "is required (the registry id of the Indonesian region, e.g. idn-35.78)");
        }
        return violations;
    }

    /// <summary>The parties as the registry has them now; only the Indonesian region's own officer goes on.</summary>
    private async Task<(Party Indonesian, IReadOnlyList<Party> Foreign)> PartiesAsync(V1.Agreement input, HostDefaults.Security.Caller caller, CancellationToken ct)
    {
        var indonesian = await registry.IndonesianAsync(input.IndonesianParty!.CityId, "agreement.indonesian_party.city_id", ct);
        if (!caller.CanManageRegion(indonesian.RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of {indonesian.Name} ({indonesian.RegionCode}) may record its agreements.");
        }
        return (indonesian, await registry.ForeignAsync(input.ForeignParties.Select(p => p.CityId).ToList(), "agreement.foreign_parties", ct));
    }

    private static string SafeFileName(string title) => new(title.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private async Task<V1.Agreement> StartNextVersionAsync(string id, string etag, VersionRelation relation, int? months, ServerCallContext context)
    {
        var next = await versions.StartNextVersionAsync(id, etag, relation, months, context.Caller(), context.CancellationToken);
        return await queries.ToProtoAsync(next, context.CancellationToken);
    }

    private static Signatory Signatory(V1.Signatory? input, string field, Violations violations)
    {
        input ??= new V1.Signatory();
        var signedOn = input.SignedOn.ToDateOnly($"{field}.signed_on", violations) ?? default;
        return new Signatory(input.Name.Trim(), input.Title.Trim(), signedOn, input.Place.Trim());
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
