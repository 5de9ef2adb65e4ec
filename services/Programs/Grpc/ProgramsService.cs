using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Programs.Domain;
using Paradiplomacy.Programs.Queries;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Programs.V1;

namespace Paradiplomacy.Programs.Grpc;

/// <summary>The programs' contract: checks and translates each request, then changes programs through
/// the write path (the program decides) or reads through the queries and reports.</summary>
public sealed class ProgramsService(
    AggregateWriter<CooperationProgram> writer,
    ProgramQueries queries,
    ProgramReports reports,
    TimeProvider clock) : V1.Programs.ProgramsBase
{
    private static readonly string[] ChangeableFields =
        ["title", "objectives", "indonesian_lead_office", "foreign_lead_office", "location", "sdg_targets", "start_date", "end_date", "type", "field"];

    private DateOnly Today => CalendarDay.InIndonesia(clock.GetUtcNow());

    [Authorize]
    public override async Task<V1.Program> CreateProgram(V1.CreateProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Program ?? new V1.Program();
        var violations = new Violations().RejectOutputOnly(input, "program").RequestId(request.RequestId).Id("program.agreement_id", input.AgreementId);
        var plan = Plan(input, violations, input.DeliveryMode, input.Recurrence);
        violations.ThrowIfAny();

        if (await writer.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return earlier.ToProto();
        }
        var agreement = await queries.AgreementAsync(input.AgreementId, "program.agreement_id", ct);
        var program = CooperationProgram.Plan(CooperationProgram.NewId("prg"), agreement, plan, caller, Ids.OrNull(request.RequestId), clock.GetUtcNow());
        await writer.AddAsync(program, caller.Describe(), "create", ct);
        return program.ToProto();
    }

    public override Task<V1.Program> GetProgram(V1.GetProgramRequest request, ServerCallContext context) =>
        queries.GetAsync(request.Id, context.Caller(), context.CancellationToken);

    public override async Task<V1.ListProgramsResponse> ListPrograms(V1.ListProgramsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, ProgramQueries.FilterFields);
        return await queries.ListAsync(terms, Paging.Start(size, request.PageToken, request.Filter), context.Caller(), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Program> UpdateProgram(V1.UpdateProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Program ?? new V1.Program();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToHashSet() : null;
        bool Masked(string path) => paths is null || paths.Contains(path);

        var program = await writer.ChangeAsync(request.Id, request.Etag, caller, "update", async p =>
        {
            var unknown = paths?.Where(x => !ChangeableFields.Contains(x)).ToList() ?? [];
            if (unknown.Count > 0)
            {
                throw new ValidationException("update_mask", $"cannot change {string.Join(", ", unknown)} here; a program's changeable fields are {string.Join(", ", ChangeableFields)} (pivot to change the delivery mode, postpone to move a started program)");
            }
            var violations = new Violations().RejectOutputOnly(input, "program");
            if (input.AgreementId.Length > 0 && input.AgreementId != p.AgreementId)
            {
                violations.Add("program.agreement_id", "a program stays under the agreement it was planned under");
            }
            var merged = new V1.Program
            {
                Type = Masked("type") ? input.Type : (V1.ProgramType)p.Type,
                Field = Masked("field") ? input.Field : p.Field,
                Title = Masked("title") ? input.Title : p.Title,
                Objectives = Masked("objectives") ? input.Objectives : p.Objectives ?? string.Empty,
                IndonesianLeadOffice = Masked("indonesian_lead_office") ? input.IndonesianLeadOffice : p.IndonesianLeadOffice,
                ForeignLeadOffice = Masked("foreign_lead_office") ? input.ForeignLeadOffice : p.ForeignLeadOffice,
                Location = Masked("location") ? input.Location : p.Location ?? string.Empty,
                StartDate = Masked("start_date") ? input.StartDate : p.StartDate.ToProto(),
                EndDate = Masked("end_date") ? input.EndDate : p.EndDate.ToProto(),
            };
            merged.SdgTargets.AddRange(Masked("sdg_targets") ? input.SdgTargets : p.SdgTargets);
            var plan = Plan(merged, violations, (V1.DeliveryMode)p.DeliveryMode, (V1.Recurrence)p.Recurrence);
            violations.ThrowIfAny();
            var agreement = await queries.AgreementAsync(p.AgreementId, "program.agreement_id", ct);
            p.Revise(plan, agreement, plan.StartDate != p.StartDate || plan.EndDate != p.EndDate, clock.GetUtcNow());
        }, ct);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> ApproveProgram(V1.ApproveProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.Id, request.Etag, caller, "approve", p => p.Approve(caller, clock.GetUtcNow()), context.CancellationToken)).ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> StartProgram(V1.StartProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.Id, request.Etag, caller, "start", p => p.Start(caller, clock.GetUtcNow()), context.CancellationToken)).ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> PostponeProgram(V1.PostponeProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var program = await writer.ChangeAsync(request.Id, request.Etag, caller, "postpone", async p =>
        {
            var violations = new Violations();
            var start = request.NewStartDate.ToDateOnly("new_start_date", violations);
            var end = request.NewEndDate.ToDateOnly("new_end_date", violations);
            violations.ThrowIfAny();
            var agreement = await queries.AgreementAsync(p.AgreementId, "agreement_id", ct);
            p.Postpone(request.Reason, start, end, agreement, caller, clock.GetUtcNow());
        }, ct);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> PivotProgram(V1.PivotProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var program = await writer.ChangeAsync(request.Id, request.Etag, caller, "pivot", p =>
        {
            var violations = new Violations();
            var mode = violations.Enum<V1.DeliveryMode, DeliveryMode>("delivery_mode", request.DeliveryMode);
            violations.ThrowIfAny();
            p.PivotTo(mode, request.Reason, request.Location, caller, clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> CompleteProgram(V1.CompleteProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var program = await writer.ChangeAsync(request.Id, request.Etag, caller, "complete", async p =>
        {
            var violations = new Violations();
            var on = request.CompletedOn.ToDateOnly("completed_on", violations);
            violations.ThrowIfAny();
            var agreement = await queries.AgreementAsync(p.AgreementId, "agreement_id", ct);
            if (p.Complete(on, Today, agreement, caller, clock.GetUtcNow()) is { } next)
            {
                writer.AlsoAdd(next, caller.Describe(), "create_next_edition");
            }
        }, ct);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> CancelProgram(V1.CancelProgramRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.Id, request.Etag, caller, "cancel", p => p.Cancel(request.Reason, caller, clock.GetUtcNow()),
            context.CancellationToken)).ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> AddMilestone(V1.AddMilestoneRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Milestone ?? new V1.Milestone();
        var program = await writer.ChangeAsync(request.ProgramId, request.Etag, caller, "add_milestone", p =>
        {
            var violations = new Violations().RejectOutputOnly(input, "milestone");
            var kind = violations.Enum<V1.MilestoneKind, MilestoneKind>("milestone.kind", input.Kind);
            var due = input.DueDate.ToDateOnly("milestone.due_date", violations);
            violations.ThrowIfAny();
            p.AddMilestone(kind, input.Title, due, clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> UpdateMilestone(V1.UpdateMilestoneRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var program = await writer.ChangeAsync(request.ProgramId, request.Etag, caller, "update_milestone", p =>
        {
            var violations = new Violations().Id("milestone_id", request.MilestoneId);
            MilestoneStatus? status = request.Status == V1.MilestoneStatus.Unspecified ? null : violations.Enum<V1.MilestoneStatus, MilestoneStatus>("status", request.Status);
            var due = request.DueDate.ToDateOnly("due_date", violations);
            violations.ThrowIfAny();
            p.UpdateMilestone(request.MilestoneId, status, due, Today, clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    public override async Task<V1.ListOverdueMilestonesResponse> ListOverdueMilestones(V1.ListOverdueMilestonesRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, ProgramQueries.OverdueFilterFields);
        return await queries.OverdueAsync(terms, Paging.Start(size, request.PageToken, $"overdue|{request.Filter}"), context.Caller(), context.CancellationToken);
    }

    /// <summary>Enrols a participant; the same request_id again returns the one enrolled the first time.</summary>
    [Authorize]
    public override async Task<V1.Participant> AddParticipant(V1.AddParticipantRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Participant ?? new V1.Participant();
        var requestId = Ids.OrNull(request.RequestId);
        Participant? enrolled = null;
        await writer.ChangeAsync(request.ProgramId, null, caller, "add_participant", p =>
        {
            if (requestId is not null && p.Participants.FirstOrDefault(x => x.RequestId == requestId) is { } earlier)
            {
                enrolled = earlier;
                return;
            }
            enrolled = p.Enrol(ParticipantFrom(input, requestId), clock.GetUtcNow());
        }, context.CancellationToken);
        return enrolled!.ToProto();
    }

    public override Task<V1.ListParticipantsResponse> ListParticipants(V1.ListParticipantsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations, max: 500);
        violations.ThrowIfAny();
        return queries.ListParticipantsAsync(request.ProgramId, Paging.Start(size, request.PageToken, $"participants|{request.ProgramId}"),
            context.Caller(), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Participant> WithdrawParticipantConsent(V1.WithdrawParticipantConsentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        Participant? erased = null;
        await writer.ChangeAsync(request.ProgramId, null, caller, "withdraw_consent", p =>
        {
            Ids.Check("participant_id", request.ParticipantId);
            erased = p.WithdrawConsent(request.ParticipantId, clock.GetUtcNow());
        }, context.CancellationToken);
        return erased!.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> AddIndicator(V1.AddIndicatorRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Indicator ?? new V1.Indicator();
        var program = await writer.ChangeAsync(request.ProgramId, request.Etag, caller, "add_indicator", p =>
        {
            var violations = new Violations().RejectOutputOnly(input, "indicator");
            var level = violations.Enum<V1.IndicatorLevel, IndicatorLevel>("indicator.level", input.Level);
            violations.ThrowIfAny();
            p.AddIndicator(input.Name, level, input.Unit, input.Baseline, input.Target, [.. input.Disaggregations], [.. input.SdgTargets], clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> RecordIndicatorActual(V1.RecordIndicatorActualRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Actual ?? new V1.IndicatorActual();
        var program = await writer.ChangeAsync(request.ProgramId, request.Etag, caller, "record_actual", p =>
        {
            var violations = new Violations().RejectOutputOnly(input, "actual").Id("indicator_id", request.IndicatorId);
            var start = input.PeriodStart.ToDateOnly("actual.period_start", violations);
            var end = input.PeriodEnd.ToDateOnly("actual.period_end", violations);
            var recorded = input.RecordedOn.ToDateOnly("actual.recorded_on", violations);
            if (input.Evidence.Count > 20)
            {
                violations.Add("actual.evidence", "at most 20 documents");
            }
            if (input.Disaggregation.Count > 4)
            {
                violations.Add("actual.disaggregation", "at most one value per dimension (gender, side, role, age_band)");
            }
            violations.ThrowIfAny();
            p.RecordActual(request.IndicatorId, start, end, input.Value, input.Disaggregation,
                [.. input.Evidence.Select(e => new Evidence(e.Title, e.Uri))], recorded, Today, caller, clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    [Authorize]
    public override async Task<V1.Program> SubmitEvaluation(V1.SubmitEvaluationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Evaluation ?? new V1.Evaluation();
        var program = await writer.ChangeAsync(request.ProgramId, request.Etag, caller, "submit_evaluation", p =>
        {
            var violations = new Violations().RejectOutputOnly(input, "evaluation");
            var kind = violations.Enum<V1.EvaluationKind, EvaluationKind>("evaluation.kind", input.Kind);
            var rating = violations.Enum<V1.EvaluationRating, EvaluationRating>("evaluation.rating", input.Rating);
            var on = input.EvaluatedOn.ToDateOnly("evaluation.evaluated_on", violations);
            violations.ThrowIfAny();
            p.SubmitEvaluation(kind, rating, input.Findings, input.Recommendations, input.Evaluator, on, Today, caller, clock.GetUtcNow());
        }, context.CancellationToken);
        return program.ToProto();
    }

    public override Task<V1.ProgramHistory> GetProgramHistory(V1.GetProgramHistoryRequest request, ServerCallContext context) =>
        queries.HistoryAsync(request.Id, context.Caller(), context.CancellationToken);

    public override Task<V1.ProgramReport> GetProgramReport(V1.GetProgramReportRequest request, ServerCallContext context) =>
        reports.ReportAsync(request, context.Caller(), context.CancellationToken);

    public override Task<V1.PartnershipHealth> GetPartnershipHealth(V1.GetPartnershipHealthRequest request, ServerCallContext context) =>
        reports.HealthAsync(request.AgreementId, context.CancellationToken);

    public override async Task<V1.ListPartnershipHealthResponse> ListPartnershipHealth(V1.ListPartnershipHealthRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, ProgramReports.HealthFilterFields);
        return await reports.ListHealthAsync(terms, Paging.Start(size, request.PageToken, $"health|{request.Filter}"), context.CancellationToken);
    }

    public override Task<V1.RenewalEvidence> GetRenewalEvidence(V1.GetRenewalEvidenceRequest request, ServerCallContext context) =>
        reports.RenewalEvidenceAsync(request.AgreementId, context.Caller(), context.CancellationToken);

    public override Task<V1.SdgRollup> GetSdgRollup(V1.GetSdgRollupRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var level = request.Level == V1.RollupLevel.Unspecified ? RollupLevel.Nation : violations.Enum<V1.RollupLevel, RollupLevel>("level", request.Level);
        violations.ThrowIfAny();
        return reports.SdgRollupAsync(request, level, context.Caller(), context.CancellationToken);
    }

    /// <summary>The plan a create or update asks for, its enums and dates read into the domain's.</summary>
    private static ProgramPlan Plan(V1.Program input, Violations violations, V1.DeliveryMode mode, V1.Recurrence recurrence)
    {
        var type = violations.Enum<V1.ProgramType, ProgramType>("program.type", input.Type);
        var delivery = violations.Enum<V1.DeliveryMode, DeliveryMode>("program.delivery_mode", mode);
        var repeat = recurrence == V1.Recurrence.Unspecified ? Recurrence.OneOff : violations.Enum<V1.Recurrence, Recurrence>("program.recurrence", recurrence);
        var start = input.StartDate.ToDateOnly("program.start_date", violations) ?? default;
        var end = input.EndDate.ToDateOnly("program.end_date", violations) ?? default;
        violations.MaxLength("program.field", input.Field, 50);
        if (input.SdgTargets.Count > SdgTargets.MaxTags)
        {
            violations.Add("program.sdg_targets", $"at most {SdgTargets.MaxTags} SDG tags");
        }
        return new ProgramPlan(type, input.Field, input.Title, input.Objectives, input.IndonesianLeadOffice, input.ForeignLeadOffice,
            start, end, delivery, input.Location, repeat, [.. input.SdgTargets.Take(SdgTargets.MaxTags)]);
    }

    private Participant ParticipantFrom(V1.Participant input, string? requestId)
    {
        var violations = new Violations().RejectOutputOnly(input, "participant")
            .Required("participant.name", input.Name).MaxLength("participant.name", input.Name, CooperationProgram.MaxShort)
            .MaxLength("participant.home_city_id", input.HomeCityId, 64)
            .MaxLength("participant.email", input.Email, 254);
        var role = violations.Enum<V1.ParticipantRole, ParticipantRole>("participant.role", input.Role);
        var side = violations.Enum<V1.Side, Side>("participant.side", input.Side);
        var gender = violations.Enum<V1.Gender, Gender>("participant.gender", input.Gender, "FEMALE, MALE or UNDISCLOSED (the participant may choose not to say)");
        var age = violations.Enum<V1.AgeBand, AgeBand>("participant.age_band", input.AgeBand);
        if (input.Email.Length > 0 && (!input.Email.Contains('@', StringComparison.Ordinal) || input.Email.Contains(' ', StringComparison.Ordinal)))
        {
            violations.Add("participant.email", "is not an e-mail address");
        }
        var consent = input.Consent;
        DateOnly? givenOn = null;
        if (consent is null)
        {
            violations.Add("participant.consent", "record the participant's consent to the use of their personal data (UU PDP 27/2022): purpose, date and method");
        }
        else
        {
            violations.Required("participant.consent.purpose", consent.Purpose).MaxLength("participant.consent.purpose", consent.Purpose, CooperationProgram.MaxShort)
                .Required("participant.consent.method", consent.Method).MaxLength("participant.consent.method", consent.Method, CooperationProgram.MaxShort);
            givenOn = consent.GivenOn.ToDateOnly("participant.consent.given_on", violations);
            if (givenOn is null)
            {
                violations.Add("participant.consent.given_on", "is required");
            }
            else if (CalendarDay.IsFuture(givenOn.Value, clock.GetUtcNow()))
            {
                violations.Add("participant.consent.given_on", "cannot be in the future");
            }
        }
        violations.ThrowIfAny();
        return new Participant
        {
            Id = CooperationProgram.NewId("par"), Name = input.Name.Trim(), Role = role, Side = side, Gender = gender, AgeBand = age,
            HomeCityId = input.HomeCityId.Length == 0 ? null : input.HomeCityId.Trim(), Email = input.Email.Length == 0 ? null : input.Email.Trim(),
            Consent = new Consent(consent!.Purpose.Trim(), givenOn!.Value, consent.Method.Trim()), RequestId = requestId, EnrolledAt = clock.GetUtcNow(),
        };
    }
}
