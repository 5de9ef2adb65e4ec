using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Programs.IntegrationEvents;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Projections;
using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Programs.Domain;

/// <summary>What partners do together under an agreement, and whether it works: its plan, its state
/// (planned → approved → in progress → completed, or postponed, or cancelled), milestones, participants,
/// results framework and evaluations. Every rule about a program is a method here.</summary>
public sealed class CooperationProgram : AggregateRoot
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxShort = 200;
    public const int MaxMilestones = 200;
    public const int MaxParticipants = 5000;
    public const int MaxIndicators = 50;
    public const int MaxActuals = 1000;
    public const int MaxYears = 10;

    private static readonly ProgramStatus[] OpenStatuses = [ProgramStatus.Planned, ProgramStatus.Approved, ProgramStatus.InProgress, ProgramStatus.Postponed];

    private CooperationProgram()
    {
    }

    public string AgreementId { get; private init; } = null!;
    public string RegionCode { get; private init; } = null!;
    public string ProvinceCode { get; private init; } = null!;
    public string IndonesianPartyId { get; private init; } = null!;
    public List<string> ForeignPartyIds { get; private init; } = [];
    public ProgramType Type { get; private set; }
    public string Field { get; private set; } = null!;
    public string Title { get; private set; } = null!;
    public string? Objectives { get; private set; }
    public string IndonesianLeadOffice { get; private set; } = null!;
    public string ForeignLeadOffice { get; private set; } = null!;
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public DeliveryMode DeliveryMode { get; private set; }
    public string? Location { get; private set; }
    public Recurrence Recurrence { get; private set; }
    public List<string> SdgTargets { get; private set; } = [];

    /// <summary>The program's own tags and its indicators', for finding it by SDG.</summary>
    public List<string> AllSdgTargets { get; private set; } = [];
    public ProgramStatus Status { get; private set; }
    public int Edition { get; private init; } = 1;
    public string SeriesId { get; private init; } = null!;
    public string? PreviousEditionId { get; private init; }
    public string? NextEditionId { get; private set; }
    public bool Approved { get; private set; }
    public List<Postponement> Postponements { get; private set; } = [];
    public List<Pivot> Pivots { get; private set; } = [];
    public Cancellation? Cancellation { get; private set; }
    public AgreementEnded? AgreementEnded { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public List<Evaluation> Evaluations { get; private set; } = [];
    public List<Participant> Participants { get; private set; } = [];
    public List<Indicator> Indicators { get; private set; } = [];
    public List<IndicatorActual> Actuals { get; private set; } = [];
    public string CreatedBy { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>Plans a program under <paramref name="agreement"/>: the caller must be an officer of the
    /// agreement's region, the agreement active, the field one it names and the period within its validity.</summary>
    public static CooperationProgram Plan(string id, PartnerAgreement agreement, ProgramPlan plan, Caller caller, string? requestId, DateTimeOffset now)
    {
        if (!caller.CanManageRegion(agreement.RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of region {agreement.RegionCode}, a party to this agreement, plans programs under it.");
        }
        RequireActive(agreement);
        var program = new CooperationProgram
        {
            Id = id,
            RequestId = requestId,
            AgreementId = agreement.AgreementId,
            RegionCode = agreement.RegionCode,
            ProvinceCode = agreement.ProvinceCode,
            IndonesianPartyId = agreement.IndonesianPartyId,
            ForeignPartyIds = [.. agreement.ForeignPartyIds],
            Status = ProgramStatus.Planned,
            SeriesId = id,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        program.SetPlan(plan, agreement);
        program.Raise(ProgramEvents.Created(program, caller.Describe()));
        return program;
    }

    /// <summary>A caller's change of what the program says; the period only before it starts.</summary>
    public void Revise(ProgramPlan plan, PartnerAgreement agreement, bool datesChange, DateTimeOffset now)
    {
        RequireOpen("revise");
        if (datesChange && Status is not (ProgramStatus.Planned or ProgramStatus.Approved))
        {
            throw new PreconditionFailedException($"A program that is {Status} keeps its dates; postpone it to move them.", "PROGRAM_DATES_FIXED");
        }
        SetPlan(plan, agreement);
        Touch(now);
    }

    public void Approve(Caller caller, DateTimeOffset now)
    {
        RequireStatus("approve", ProgramStatus.Planned);
        RequireAgreementOpen("approve");
        Status = ProgramStatus.Approved;
        Approved = true;
        Touch(now);
        Raise(ProgramEvents.Approved(this, caller.Describe()));
    }

    /// <summary>Begins an approved program (or resumes a postponed one that had been approved).</summary>
    public void Start(Caller caller, DateTimeOffset now)
    {
        RequireStatus("start", ProgramStatus.Approved, ProgramStatus.Postponed);
        if (!Approved)
        {
            throw new PreconditionFailedException("The program was never approved; approve it before it starts.", "PROGRAM_NOT_APPROVED");
        }
        RequireAgreementOpen("start");
        Status = ProgramStatus.InProgress;
        Touch(now);
        Raise(ProgramEvents.Started(this, caller.Describe()));
    }

    public void Postpone(string reason, DateOnly? newStart, DateOnly? newEnd, PartnerAgreement agreement, Caller caller, DateTimeOffset now)
    {
        RequireOpen("postpone");
        var violations = new Violations().Required("reason", reason).MaxLength("reason", reason, MaxText);
        if (newStart is null)
        {
            violations.Add("new_start_date", "is required");
        }
        if (newEnd is null)
        {
            violations.Add("new_end_date", "is required");
        }
        if (newStart is { } s && newEnd is { } e)
        {
            CheckPeriod(violations, s, e, agreement, "new_start_date", "new_end_date");
        }
        violations.ThrowIfAny();
        Postponements.Add(new Postponement(reason.Trim(), StartDate, EndDate, newStart!.Value, newEnd!.Value, caller.Describe(), now));
        (StartDate, EndDate) = (newStart.Value, newEnd.Value);
        Status = ProgramStatus.Postponed;
        Touch(now);
        Raise(ProgramEvents.Postponed(this, caller.Describe(), reason.Trim()));
    }

    /// <summary>Switches the delivery mode; the pivot is kept with its reason.</summary>
    public void PivotTo(DeliveryMode mode, string reason, string? location, Caller caller, DateTimeOffset now)
    {
        RequireOpen("pivot");
        var violations = new Violations().Required("reason", reason).MaxLength("reason", reason, MaxText);
        if (mode == DeliveryMode)
        {
            violations.Add("delivery_mode", $"the program is already {DeliveryMode}");
        }
        var place = string.IsNullOrWhiteSpace(location) ? Location : location.Trim();
        violations.MaxLength("location", place, MaxShort);
        if (mode != DeliveryMode.Virtual && place is null)
        {
            violations.Add("location", $"where does it take place? A program delivered {mode} needs a location");
        }
        violations.ThrowIfAny();
        var from = DeliveryMode;
        Pivots.Add(new Pivot(from, mode, reason.Trim(), caller.Describe(), now));
        DeliveryMode = mode;
        Location = place;
        Touch(now);
        Raise(ProgramEvents.Pivoted(this, caller.Describe(), from, reason.Trim()));
    }

    /// <summary>Completes a program in progress that has its final evaluation. A recurring program's next
    /// edition is returned (planned, same plan a year or two on) when the agreement still covers it.</summary>
    public CooperationProgram? Complete(DateOnly? completedOn, DateOnly today, PartnerAgreement agreement, Caller caller, DateTimeOffset now)
    {
        RequireStatus("complete", ProgramStatus.InProgress);
        var on = completedOn ?? today;
        var violations = new Violations();
        if (CalendarDay.IsFuture(on, now))
        {
            violations.Add("completed_on", "cannot be in the future");
        }
        if (on < StartDate)
        {
            violations.Add("completed_on", $"cannot be before the program started ({StartDate:yyyy-MM-dd})");
        }
        violations.ThrowIfAny();
        if (!Evaluations.Any(e => e.Kind == EvaluationKind.Final))
        {
            throw new PreconditionFailedException("A program is completed only with its final evaluation: submit it first.", "FINAL_EVALUATION_MISSING");
        }
        Status = ProgramStatus.Completed;
        CompletedOn = on;
        Touch(now);
        Raise(ProgramEvents.Completed(this, caller.Describe(), on));
        return NextEdition(agreement, caller, now);
    }

    public void Cancel(string reason, Caller caller, DateTimeOffset now)
    {
        RequireOpen("cancel");
        new Violations().Required("reason", reason).MaxLength("reason", reason, MaxText).ThrowIfAny();
        Status = ProgramStatus.Cancelled;
        Cancellation = new Cancellation(reason.Trim(), caller.Describe(), now);
        Touch(now);
        Raise(ProgramEvents.Cancelled(this, caller.Describe(), reason.Trim()));
    }

    /// <summary>The agreement expired or ended while this program was open: flagged, and it may not start.</summary>
    public bool FlagAgreementEnded(string agreementStatus, DateTimeOffset now)
    {
        if (!IsOpen || AgreementEnded?.AgreementStatus == agreementStatus)
        {
            return false;
        }
        AgreementEnded = new AgreementEnded(agreementStatus, now);
        Touch(now);
        return true;
    }

    public Milestone AddMilestone(MilestoneKind kind, string title, DateOnly? dueDate, DateTimeOffset now)
    {
        RequireOpen("add milestones to");
        var violations = new Violations().Required("milestone.title", title).MaxLength("milestone.title", title, MaxTitle);
        if (dueDate is null)
        {
            violations.Add("milestone.due_date", "is required");
        }
        if (Milestones.Count >= MaxMilestones)
        {
            violations.Add("milestone", $"a program has at most {MaxMilestones} milestones and activities");
        }
        violations.ThrowIfAny();
        var milestone = new Milestone { Id = NewId("ms"), Kind = kind, Title = title.Trim(), DueDate = dueDate!.Value };
        Milestones.Add(milestone);
        Touch(now);
        return milestone;
    }

    public void UpdateMilestone(string milestoneId, MilestoneStatus? status, DateOnly? dueDate, DateOnly today, DateTimeOffset now)
    {
        var milestone = Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new NotFoundException("Milestone", milestoneId);
        if (status is null && dueDate is null)
        {
            throw new ValidationException("status", "give a new status, a new due date or both");
        }
        if (dueDate is { } due)
        {
            milestone.DueDate = due;
        }
        if (status is { } s)
        {
            milestone.Status = s;
            milestone.DoneOn = s == MilestoneStatus.Done ? today : null;
        }
        Touch(now);
    }

    public Participant Enrol(Participant participant, DateTimeOffset now)
    {
        if (Status == ProgramStatus.Cancelled)
        {
            throw new PreconditionFailedException("The program was cancelled; no one can be enrolled in it.", "PROGRAM_CLOSED");
        }
        if (Participants.Count >= MaxParticipants)
        {
            throw new ValidationException("participant", $"a program has at most {MaxParticipants} participants");
        }
        Participants.Add(participant);
        Touch(now);
        return participant;
    }

    /// <summary>UU PDP 27/2022: on withdrawal of consent the personal data goes; the counts stay.</summary>
    public Participant WithdrawConsent(string participantId, DateTimeOffset now)
    {
        var participant = Participants.FirstOrDefault(p => p.Id == participantId) ?? throw new NotFoundException("Participant", participantId);
        if (!participant.Erased)
        {
            participant.Erase();
            Touch(now);
        }
        return participant;
    }

    public Indicator AddIndicator(string name, IndicatorLevel level, string unit, double baseline, double target,
        IReadOnlyList<string> disaggregations, IReadOnlyList<string> sdgTargets, DateTimeOffset now)
    {
        RequireOpen("add indicators to");
        var violations = new Violations()
            .Required("indicator.name", name).MaxLength("indicator.name", name, MaxTitle)
            .Required("indicator.unit", unit).MaxLength("indicator.unit", unit, 50);
        if (!double.IsFinite(baseline))
        {
            violations.Add("indicator.baseline", "must be a number");
        }
        if (!double.IsFinite(target))
        {
            violations.Add("indicator.target", "must be a number");
        }
        for (var i = 0; i < disaggregations.Count; i++)
        {
            if (!Indicator.Dimensions.Contains(disaggregations[i]))
            {
                violations.Add($"indicator.disaggregations[{i}]", $"'{disaggregations[i]}' is not a dimension: use {string.Join(", ", Indicator.Dimensions)}");
            }
        }
        var tags = Domain.SdgTargets.Check(sdgTargets, "indicator.sdg_targets", violations);
        if (Indicators.Any(x => string.Equals(x.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add("indicator.name", "the program already has an indicator of that name");
        }
        if (Indicators.Count >= MaxIndicators)
        {
            violations.Add("indicator", $"a program has at most {MaxIndicators} indicators");
        }
        violations.ThrowIfAny();
        var indicator = new Indicator
        {
            Id = NewId("ind"), Name = name!.Trim(), Level = level, Unit = unit.Trim(), Baseline = baseline, Target = target,
            Disaggregations = [.. disaggregations.Distinct(StringComparer.Ordinal)],
            // An indicator without tags of its own serves the program's SDG targets.
            SdgTargets = tags.Count > 0 ? tags : [.. SdgTargets],
        };
        Indicators.Add(indicator);
        RefreshSdgTargets();
        Touch(now);
        return indicator;
    }

    /// <summary>Records an actual for a past period with its evidence; broken down only by the dimensions the indicator declares.</summary>
    public IndicatorActual RecordActual(string indicatorId, DateOnly? periodStart, DateOnly? periodEnd, double value,
        IReadOnlyDictionary<string, string> disaggregation, IReadOnlyList<Evidence> evidence, DateOnly? recordedOn, DateOnly today,
        Caller caller, DateTimeOffset now)
    {
        var indicator = Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? throw new NotFoundException("Indicator", indicatorId);
        if (Status is ProgramStatus.Planned or ProgramStatus.Cancelled)
        {
            throw new PreconditionFailedException($"A program that is {Status} has no results to report.", "PROGRAM_NOT_RUNNING");
        }
        var violations = new Violations();
        if (periodStart is null)
        {
            violations.Add("actual.period_start", "is required");
        }
        if (periodEnd is null)
        {
            violations.Add("actual.period_end", "is required");
        }
        if (periodStart is { } ps && periodEnd is { } pe)
        {
            if (pe < ps)
            {
                violations.Add("actual.period_end", "must not be before period_start");
            }
            if (ps > today)
            {
                violations.Add("actual.period_start", "results are reported for periods that have begun");
            }
        }
        if (!double.IsFinite(value))
        {
            violations.Add("actual.value", "must be a number");
        }
        foreach (var (key, item) in disaggregation)
        {
            if (!indicator.Disaggregations.Contains(key))
            {
                violations.Add($"actual.disaggregation[{key}]",
                    indicator.Disaggregations.Count == 0 ? "this indicator is not broken down" : $"this indicator is broken down by {string.Join(", ", indicator.Disaggregations)} only");
            }
            violations.Required($"actual.disaggregation[{key}]", item).MaxLength($"actual.disaggregation[{key}]", item, 50);
        }
        if (evidence.Count == 0)
        {
            violations.Add("actual.evidence", "attach the evidence: at least one document (title and link or document id)");
        }
        for (var i = 0; i < evidence.Count; i++)
        {
            violations.Required($"actual.evidence[{i}].title", evidence[i].Title).MaxLength($"actual.evidence[{i}].title", evidence[i].Title, MaxTitle);
            if (!IsEvidenceLocation(evidence[i].Uri))
            {
                violations.Add($"actual.evidence[{i}].uri", "give an https:// link or a platform document id (doc:...)");
            }
        }
        if (recordedOn is { } r && CalendarDay.IsFuture(r, now))
        {
            violations.Add("actual.recorded_on", "cannot be in the future");
        }
        if (Actuals.Count >= MaxActuals)
        {
            violations.Add("actual", $"a program has at most {MaxActuals} actuals");
        }
        violations.ThrowIfAny();
        var actual = new IndicatorActual
        {
            Id = NewId("act"), IndicatorId = indicator.Id, PeriodStart = periodStart!.Value, PeriodEnd = periodEnd!.Value, Value = value,
            Disaggregation = disaggregation.ToDictionary(d => d.Key, d => d.Value.Trim()), IsTotal = disaggregation.Count == 0,
            Evidence = [.. evidence.Select(e => new Evidence(e.Title.Trim(), e.Uri.Trim()))], RecordedOn = recordedOn ?? today,
            RecordedBy = caller.Describe(), Unit = indicator.Unit, SdgTargets = [.. indicator.SdgTargets],
        };
        Actuals.Add(actual);
        Touch(now);
        Raise(ProgramEvents.IndicatorReported(this, caller.Describe(), indicator, actual));
        return actual;
    }

    /// <summary>The totals reported for an indicator, summed.</summary>
    public double ActualTotal(string indicatorId) => Actuals.Where(a => a.IndicatorId == indicatorId && a.IsTotal).Sum(a => a.Value);

    public Evaluation SubmitEvaluation(EvaluationKind kind, EvaluationRating rating, string findings, string? recommendations, string evaluator,
        DateOnly? evaluatedOn, DateOnly today, Caller caller, DateTimeOffset now)
    {
        if (Status is ProgramStatus.Planned or ProgramStatus.Approved or ProgramStatus.Cancelled or ProgramStatus.Completed)
        {
            throw new PreconditionFailedException($"A program that is {Status} is not evaluated; evaluations follow work under way.", "PROGRAM_NOT_RUNNING");
        }
        var violations = new Violations()
            .Required("evaluation.findings", findings).MaxLength("evaluation.findings", findings, MaxText)
            .MaxLength("evaluation.recommendations", recommendations, MaxText)
            .Required("evaluation.evaluator", evaluator).MaxLength("evaluation.evaluator", evaluator, MaxShort);
        if (evaluatedOn is { } on && CalendarDay.IsFuture(on, now))
        {
            violations.Add("evaluation.evaluated_on", "cannot be in the future");
        }
        if (kind == EvaluationKind.Final && Evaluations.Any(e => e.Kind == EvaluationKind.Final))
        {
            violations.Add("evaluation.kind", "the program already has its final evaluation");
        }
        violations.ThrowIfAny();
        var evaluation = new Evaluation(NewId("eva"), kind, rating, findings.Trim(), string.IsNullOrWhiteSpace(recommendations) ? null : recommendations.Trim(),
            evaluator.Trim(), evaluatedOn ?? today, caller.Describe());
        Evaluations = [.. Evaluations, evaluation];
        Touch(now);
        Raise(ProgramEvents.EvaluationSubmitted(this, caller.Describe(), evaluation));
        return evaluation;
    }

    public ProgramView ViewFor(Caller caller)
    {
        if (caller.CanManageRegion(RegionCode) || caller.HasRole(Roles.MinistryReviewer))
        {
            return ProgramView.Full;
        }
        if (caller.HasRole(Roles.Partner) && caller.RegionCode is { } city && ForeignPartyIds.Contains(city))
        {
            return ProgramView.Party;
        }
        return Status == ProgramStatus.Planned ? ProgramView.None : ProgramView.Public;
    }

    public override void AuthorizeChange(Caller caller)
    {
        if (!caller.CanManageRegion(RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of region {RegionCode} changes its programs.");
        }
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => ProgramAudit.Snapshot(this);

    /// <summary>Only an agreement in effect takes new programs.</summary>
    public static void RequireActive(PartnerAgreement agreement)
    {
        if (!agreement.IsActive)
        {
            throw new PreconditionFailedException(
                $"Agreement {agreement.AgreementId} is {agreement.Status}: programs are planned only under an agreement in effect.", "AGREEMENT_NOT_ACTIVE");
        }
    }

    private CooperationProgram? NextEdition(PartnerAgreement agreement, Caller caller, DateTimeOffset now)
    {
        var years = Recurrence switch { Recurrence.Annual => 1, Recurrence.Biennial => 2, _ => 0 };
        var (start, end) = (StartDate.AddYears(years), EndDate.AddYears(years));
        if (years == 0 || !agreement.IsActive || (agreement.ExpiresOn is { } expiry && end > expiry))
        {
            return null;
        }
        var next = new CooperationProgram
        {
            Id = NewId("prg"),
            AgreementId = AgreementId,
            RegionCode = RegionCode,
            ProvinceCode = ProvinceCode,
            IndonesianPartyId = IndonesianPartyId,
            ForeignPartyIds = [.. ForeignPartyIds],
            Type = Type, Field = Field, Title = Title, Objectives = Objectives,
            IndonesianLeadOffice = IndonesianLeadOffice, ForeignLeadOffice = ForeignLeadOffice,
            StartDate = start, EndDate = end, DeliveryMode = DeliveryMode, Location = Location, Recurrence = Recurrence,
            SdgTargets = [.. SdgTargets],
            Status = ProgramStatus.Planned,
            Edition = Edition + 1,
            SeriesId = SeriesId,
            PreviousEditionId = Id,
            // The results framework carries over; its actuals belong to this edition.
            Indicators = [.. Indicators.Select(i => new Indicator
            {
                Id = NewId("ind"), Name = i.Name, Level = i.Level, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target,
                Disaggregations = [.. i.Disaggregations], SdgTargets = [.. i.SdgTargets],
            })],
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        next.RefreshSdgTargets();
        next.Raise(ProgramEvents.Created(next, caller.Describe()));
        NextEditionId = next.Id;
        return next;
    }

    private void SetPlan(ProgramPlan plan, PartnerAgreement agreement)
    {
        var violations = new Violations()
            .Required("program.title", plan.Title).MaxLength("program.title", plan.Title, MaxTitle)
            .MaxLength("program.objectives", plan.Objectives, MaxText)
            .Required("program.indonesian_lead_office", plan.IndonesianLeadOffice).MaxLength("program.indonesian_lead_office", plan.IndonesianLeadOffice, MaxShort)
            .Required("program.foreign_lead_office", plan.ForeignLeadOffice).MaxLength("program.foreign_lead_office", plan.ForeignLeadOffice, MaxShort)
            .MaxLength("program.location", plan.Location, MaxShort);
        if (!agreement.Fields.Contains(plan.Field))
        {
            violations.Add("program.field", agreement.Fields.Count == 0
                ? "the agreement names no fields of cooperation"
                : $"'{plan.Field}' is not a field of the agreement: use {string.Join(", ", agreement.Fields)}");
        }
        if (plan.DeliveryMode != DeliveryMode.Virtual && string.IsNullOrWhiteSpace(plan.Location))
        {
            violations.Add("program.location", $"where does it take place? A program delivered {plan.DeliveryMode} needs a location");
        }
        CheckPeriod(violations, plan.StartDate, plan.EndDate, agreement, "program.start_date", "program.end_date");
        var tags = Domain.SdgTargets.Check(plan.SdgTargets, "program.sdg_targets", violations);
        violations.ThrowIfAny();

        Type = plan.Type;
        Field = plan.Field;
        Title = plan.Title.Trim();
        Objectives = string.IsNullOrWhiteSpace(plan.Objectives) ? null : plan.Objectives.Trim();
        IndonesianLeadOffice = plan.IndonesianLeadOffice.Trim();
        ForeignLeadOffice = plan.ForeignLeadOffice.Trim();
        StartDate = plan.StartDate;
        EndDate = plan.EndDate;
        DeliveryMode = plan.DeliveryMode;
        Location = string.IsNullOrWhiteSpace(plan.Location) ? null : plan.Location.Trim();
        Recurrence = plan.Recurrence;
        SdgTargets = tags;
        RefreshSdgTargets();
    }

    /// <summary>A period that ends on or after its start, lasts at most ten years and lies within the agreement's validity.</summary>
    private static void CheckPeriod(Violations violations, DateOnly start, DateOnly end, PartnerAgreement agreement, string startField, string endField)
    {
        if (start == default)
        {
            violations.Add(startField, "is required");
            return;
        }
        if (end == default)
        {
            violations.Add(endField, "is required");
            return;
        }
        if (end < start)
        {
            violations.Add(endField, "must not be before the start");
        }
        if (end > start.AddYears(MaxYears))
        {
            violations.Add(endField, $"a program lasts at most {MaxYears} years; plan editions or phases");
        }
        if (agreement.EffectiveOn is { } effective && start < effective)
        {
            violations.Add(startField, $"is before the agreement took effect ({effective:yyyy-MM-dd})");
        }
        if (agreement.ExpiresOn is { } expiry && end > expiry)
        {
            violations.Add(endField, $"is after the agreement expires ({expiry:yyyy-MM-dd}); renew the agreement first");
        }
    }

    private void RefreshSdgTargets() =>
        AllSdgTargets = [.. SdgTargets.Concat(Indicators.SelectMany(i => i.SdgTargets)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private void RequireStatus(string action, params ProgramStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new PreconditionFailedException(
                $"Cannot {action} a program that is {Status}; only one that is {string.Join(" or ", allowed)}.", "PROGRAM_STATUS");
        }
    }

    private void RequireOpen(string action)
    {
        if (!IsOpen)
        {
            throw new PreconditionFailedException($"Cannot {action} a program that is {Status}.", "PROGRAM_CLOSED");
        }
    }

    private void RequireAgreementOpen(string action)
    {
        if (AgreementEnded is { } ended)
        {
            throw new PreconditionFailedException(
                $"Cannot {action} the program: its agreement is {ended.AgreementStatus}. Renew the partnership or cancel the program.", "AGREEMENT_ENDED");
        }
    }

    private static bool IsEvidenceLocation(string? uri) =>
        !string.IsNullOrWhiteSpace(uri) && uri.Length <= 500
        && ((Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http")
            || (uri.StartsWith("doc:", StringComparison.Ordinal) && uri.Length > 4 && !uri.Contains("..", StringComparison.Ordinal)));

    /// <summary>An id for a program ("prg-…") or one of its parts (milestone "ms", indicator "ind", …).</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
