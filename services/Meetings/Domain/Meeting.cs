using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Meetings.IntegrationEvents;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>A meeting of the parties to an agreement (or one of its programs): what it is, who takes part
/// from each side, when it takes place (one occurrence, or a series), and what came of it: attendance,
/// minutes that both sides confirm, action items. Every rule about a meeting is a method here.</summary>
public sealed class Meeting : AggregateRoot
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;
    public const int MaxShort = 200;
    public const int MaxUrl = 500;
    public const int MaxParticipants = 200;
    public const int MaxAgenda = 50;
    public const int MaxInterpretation = 10;
    public const int MaxMinutesText = 100_000;
    public const int MaxDecisions = 100;
    public const int MaxActionItems = 500;
    public const int MaxMinutesVersions = 50;

    private Meeting()
    {
    }

    public string AgreementId { get; private init; } = null!;
    public string? ProgramId { get; private init; }
    public string RegionCode { get; private init; } = null!;
    public string IndonesianPartyId { get; private init; } = null!;
    public List<string> ForeignPartyIds { get; private init; } = [];
    public string Title { get; private set; } = null!;
    public string? Purpose { get; private set; }
    public MeetingMode Mode { get; private set; }
    public string? VideoUrl { get; private set; }
    public string? Venue { get; private set; }
    public string TimeZone { get; private set; } = null!;
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string? Recurrence { get; private set; }
    public List<AgendaItem> Agenda { get; private set; } = [];
    public List<InterpretationNeed> Interpretation { get; private set; } = [];
    public List<MeetingParticipant> Participants { get; private set; } = [];
    public List<Occurrence> Occurrences { get; private set; } = [];
    public List<Attendance> Attendance { get; private set; } = [];
    public List<MinutesVersion> Minutes { get; private set; } = [];
    public List<ActionItem> ActionItems { get; private set; } = [];
    public List<BookingConflict> Conflicts { get; private set; } = [];

    /// <summary>"{occurrence}/{lead}" of every reminder already announced, so each is announced once.</summary>
    public List<string> RemindersSent { get; private set; } = [];
    public MeetingStatus Status { get; private set; }
    public int Sequence { get; private set; }
    public string? CancelReason { get; private set; }
    public string CreatedBy { get; private init; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Schedule Schedule => new(StartsAt, EndsAt - StartsAt, TimeZone, Recurrence);

    /// <summary>The next occurrence not yet over and not cancelled, if any.</summary>
    public Occurrence? NextOccurrence(DateTimeOffset now) =>
        Occurrences.Where(o => o.Status != OccurrenceStatus.Cancelled && o.EndsAt > now).MinBy(o => o.StartsAt);

    /// <summary>Schedules a meeting for <paramref name="agreement"/> (and <paramref name="program"/>, one of its
    /// programs): the caller must be an officer of the agreement's region, the agreement not ended, the first
    /// start in the future, and the participants from its parties, at least one from each side.</summary>
    public static Meeting ScheduleFor(string id, PartnerAgreement agreement, MeetingProgram? program, MeetingPlan plan, Schedule schedule,
        IReadOnlyDictionary<string, Place> places, string? roomTemplate, Caller caller, string? requestId, DateTimeOffset now)
    {
        if (!caller.CanManageRegion(agreement.RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of region {agreement.RegionCode}, a party to this agreement, schedules its meetings.");
        }
        RequireOpen(agreement, program);
        var meeting = new Meeting
        {
            Id = id,
            RequestId = requestId,
            AgreementId = agreement.AgreementId,
            ProgramId = program?.ProgramId,
            RegionCode = agreement.RegionCode,
            IndonesianPartyId = agreement.IndonesianPartyId,
            ForeignPartyIds = [.. agreement.ForeignPartyIds],
            Status = MeetingStatus.Scheduled,
            CreatedBy = caller.Describe(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var violations = new Violations();
        meeting.SetPlan(plan, places, roomTemplate, violations);
        var occurrences = CheckSchedule(schedule, now, "meeting", violations);
        violations.ThrowIfAny();
        meeting.SetSchedule(schedule);
        meeting.Occurrences = [.. occurrences.Select(o => new Occurrence { Key = Occurrence.KeyOf(o.Start), StartsAt = o.Start, EndsAt = o.End, Status = OccurrenceStatus.Planned })];
        meeting.Raise(MeetingEvents.Scheduled(meeting, caller.Describe(), now));
        return meeting;
    }

    /// <summary>A change of what the meeting says; invitations sent again carry a higher SEQUENCE.</summary>
    public void Revise(MeetingPlan plan, IReadOnlyDictionary<string, Place> places, string? roomTemplate, DateTimeOffset now)
    {
        RequireScheduled("change");
        var violations = new Violations();
        SetPlan(plan, places, roomTemplate, violations);
        violations.ThrowIfAny();
        Sequence++;
        Touch(now);
    }

    /// <summary>Moves the meeting, or a series from now on: occurrences already begun stay as they were.</summary>
    public void Reschedule(Schedule schedule, string reason, Caller caller, DateTimeOffset now)
    {
        RequireScheduled("reschedule");
        var violations = new Violations();
        violations.Required("reason", reason).MaxLength("reason", reason, MaxShort);
        var occurrences = CheckSchedule(schedule, now, string.Empty, violations);
        violations.ThrowIfAny();
        var kept = Occurrences.Where(o => o.StartsAt <= now || o.Status == OccurrenceStatus.Held).ToList();
        var keys = kept.Select(o => o.Key).ToHashSet();
        SetSchedule(schedule);
        Occurrences = [.. kept, .. occurrences.Where(o => !keys.Contains(Occurrence.KeyOf(o.Start)))
            .Select(o => new Occurrence { Key = Occurrence.KeyOf(o.Start), StartsAt = o.Start, EndsAt = o.End, Status = OccurrenceStatus.Planned })];
        Sequence++;
        Touch(now);
        Raise(MeetingEvents.Rescheduled(this, caller.Describe(), null, StartsAt, EndsAt, reason.Trim(), now));
    }

    /// <summary>Cancels every occurrence still to come.</summary>
    public void Cancel(string reason, Caller caller, DateTimeOffset now)
    {
        RequireScheduled("cancel");
        new Violations().Required("reason", reason).MaxLength("reason", reason, MaxShort).ThrowIfAny();
        CancelFuture(reason.Trim(), now);
        Raise(MeetingEvents.Cancelled(this, caller.Describe(), null, CancelReason!, now));
    }

    /// <summary>The agreement ended or the program stopped: what was still to come is cancelled.</summary>
    public bool CloseBecause(string reason, string actor, DateTimeOffset now)
    {
        if (Status != MeetingStatus.Scheduled || !Occurrences.Any(o => o.IsOpen && o.StartsAt > now))
        {
            return false;
        }
        CancelFuture(reason, now);
        Raise(MeetingEvents.Cancelled(this, actor, null, reason, now));
        return true;
    }

    public void MoveOccurrence(string key, DateTimeOffset? start, DateTimeOffset? end, string reason, Caller caller, DateTimeOffset now)
    {
        RequireScheduled("move an occurrence of");
        var occurrence = FutureOccurrence(key, now, "move");
        var violations = new Violations();
        violations.Required("reason", reason).MaxLength("reason", reason, MaxShort);
        CheckTimes(start, end, now, string.Empty, violations);
        if (start is { } s && Occurrences.Any(o => o != occurrence && o.Status != OccurrenceStatus.Cancelled && o.StartsAt == s))
        {
            violations.Add("start_time", "another occurrence of this series already starts then");
        }
        violations.ThrowIfAny();
        occurrence.StartsAt = start!.Value;
        occurrence.EndsAt = end!.Value;
        occurrence.Status = OccurrenceStatus.Moved;
        occurrence.Note = reason.Trim();
        Sequence++;
        Touch(now);
        Raise(MeetingEvents.Rescheduled(this, caller.Describe(), key, occurrence.StartsAt, occurrence.EndsAt, occurrence.Note, now));
    }

    public void CancelOccurrence(string key, string reason, Caller caller, DateTimeOffset now)
    {
        RequireScheduled("cancel an occurrence of");
        var occurrence = FutureOccurrence(key, now, "cancel");
        new Violations().Required("reason", reason).MaxLength("reason", reason, MaxShort).ThrowIfAny();
        occurrence.Status = OccurrenceStatus.Cancelled;
        occurrence.Note = reason.Trim();
        Sequence++;
        Touch(now);
        Raise(MeetingEvents.Cancelled(this, caller.Describe(), key, occurrence.Note, now));
    }

    /// <summary>Records who came to an occurrence that has begun; the first record makes it held.</summary>
    public void RecordAttendance(string key, IReadOnlyList<string> participantIds, int guestsIndonesian, int guestsForeign, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "records attendance");
        var occurrence = OccurrenceOf(key);
        if (occurrence.Status == OccurrenceStatus.Cancelled)
        {
            throw new PreconditionFailedException($"Occurrence {key} was cancelled; it has no attendance.", "OCCURRENCE_CANCELLED");
        }
        if (occurrence.StartsAt > now)
        {
            throw new PreconditionFailedException($"Occurrence {key} has not begun (it starts {occurrence.StartsAt:u}); record attendance once it has.", "OCCURRENCE_NOT_BEGUN");
        }
        var violations = new Violations();
        var ids = participantIds.Distinct().ToList();
        foreach (var unknown in ids.Where(i => Participants.All(p => p.Id != i)))
        {
            violations.Add("participant_ids", $"'{unknown}' is not a participant of this meeting");
        }
        if (ids.Count == 0 && guestsIndonesian == 0 && guestsForeign == 0)
        {
            violations.Add("participant_ids", "name who came (participant ids, or guests by side)");
        }
        if (guestsIndonesian is < 0 or > 10_000)
        {
            violations.Add("guests_indonesian", "must be 0 to 10000");
        }
        if (guestsForeign is < 0 or > 10_000)
        {
            violations.Add("guests_foreign", "must be 0 to 10000");
        }
        violations.ThrowIfAny();
        var came = Participants.Where(p => ids.Contains(p.Id)).ToList();
        var record = new Attendance(key, ids, came.Count(p => p.Side == Side.Indonesian) + guestsIndonesian, came.Count(p => p.Side == Side.Foreign) + guestsForeign,
            guestsIndonesian, guestsForeign, caller.Describe(), now);
        Attendance = [.. Attendance.Where(a => a.OccurrenceKey != key), record];
        var firstTime = occurrence.Status != OccurrenceStatus.Held;
        occurrence.Status = OccurrenceStatus.Held;
        Touch(now);
        if (firstTime)
        {
            Raise(MeetingEvents.Held(this, caller.Describe(), occurrence, record, now));
        }
    }

    /// <summary>A new version of a held occurrence's minutes; none once a version of them is final.</summary>
    public MinutesVersion SubmitMinutes(string key, Dictionary<string, string> text, List<Dictionary<string, string>> decisions, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "writes the minutes");
        var occurrence = OccurrenceOf(key);
        if (occurrence.Status != OccurrenceStatus.Held)
        {
            throw new PreconditionFailedException($"Occurrence {key} is not held yet; record its attendance before its minutes.", "OCCURRENCE_NOT_HELD");
        }
        var versions = Minutes.Where(m => m.OccurrenceKey == key).ToList();
        if (versions.Any(m => m.IsFinal))
        {
            throw new PreconditionFailedException($"The minutes of occurrence {key} are final (confirmed by both sides); they no longer change.", "MINUTES_FINAL");
        }
        if (versions.Count >= MaxMinutesVersions)
        {
            throw new PreconditionFailedException($"Occurrence {key} has {versions.Count} versions of its minutes; confirm one.", "TOO_MANY_VERSIONS");
        }
        var minutes = new MinutesVersion
        {
            Id = $"min-{Guid.NewGuid():N}",
            Version = versions.Count + 1,
            OccurrenceKey = key,
            Text = text,
            Decisions = decisions,
            SubmittedBy = caller.Describe(),
            SubmittedAt = now,
        };
        Minutes = [.. Minutes, minutes];
        Touch(now);
        return minutes;
    }

    /// <summary>One side confirms the latest version of an occurrence's minutes: an officer of the organising
    /// region for the Indonesian side, a partner of a foreign party for the foreign side. Both: final.</summary>
    public void ConfirmMinutes(string minutesId, Caller caller, DateTimeOffset now)
    {
        var side = SideOf(caller) ?? throw new PermissionDeniedException("Minutes are confirmed by an officer of the organising region or a partner of a foreign party.");
        var minutes = Minutes.FirstOrDefault(m => m.Id == minutesId) ?? throw new NotFoundException("Minutes", minutesId);
        var latest = Minutes.Where(m => m.OccurrenceKey == minutes.OccurrenceKey).MaxBy(m => m.Version)!;
        if (latest != minutes)
        {
            throw new PreconditionFailedException($"Version {minutes.Version} of these minutes was replaced by version {latest.Version}; confirm that one.", "MINUTES_SUPERSEDED");
        }
        if (minutes.Confirmations.Any(c => c.Side == side))
        {
            return;
        }
        minutes.Confirmations = [.. minutes.Confirmations, new Confirmation(side, caller.Describe(), now)];
        Minutes = [.. Minutes];
        Touch(now);
        if (minutes.IsFinal)
        {
            Raise(MeetingEvents.MinutesConfirmed(this, caller.Describe(), minutes, now));
        }
    }

    public ActionItem AddActionItem(string title, string ownerParticipantId, DateOnly? dueDate, int decision, Caller caller, DateOnly today, DateTimeOffset now)
    {
        RequireOfficer(caller, "adds action items");
        var violations = new Violations();
        violations.Required("action_item.title", title).MaxLength("action_item.title", title, MaxShort);
        var owner = Participants.FirstOrDefault(p => p.Id == ownerParticipantId);
        if (owner is null)
        {
            violations.Add("action_item.owner_participant_id", $"'{ownerParticipantId}' is not a participant of this meeting");
        }
        if (dueDate is null)
        {
            violations.Add("action_item.due_date", "is required");
        }
        else if (dueDate < today)
        {
            violations.Add("action_item.due_date", $"{dueDate:yyyy-MM-dd} has passed");
        }
        var decisions = Minutes.Where(m => m.IsFinal || m == Minutes.LastOrDefault()).Select(m => m.Decisions.Count).DefaultIfEmpty(0).Max();
        if (decision < 0 || decision > decisions)
        {
            violations.Add("action_item.decision", decisions == 0 ? "the minutes record no decision yet; leave it 0" : $"must be 1 to {decisions} (a decision of the minutes), or 0");
        }
        if (ActionItems.Count >= MaxActionItems)
        {
            violations.Add("action_item", $"a meeting holds at most {MaxActionItems} action items");
        }
        violations.ThrowIfAny();
        var item = new ActionItem
        {
            Id = $"act-{Guid.NewGuid():N}",
            Title = title.Trim(),
            OwnerParticipantId = owner!.Id,
            OwnerSide = owner.Side,
            DueDate = dueDate!.Value,
            Status = ActionItemStatus.Open,
            Decision = decision == 0 ? null : decision,
            CreatedBy = caller.Describe(),
        };
        ActionItems.Add(item);
        Touch(now);
        Raise(MeetingEvents.ActionItemCreated(this, caller.Describe(), item, now));
        return item;
    }

    /// <summary>An officer changes any action item; a foreign party's partner marks their own side's done or open.</summary>
    public void UpdateActionItem(string itemId, ActionItemStatus? status, DateOnly? dueDate, string? ownerParticipantId, Caller caller, DateOnly today, DateTimeOffset now)
    {
        var item = ActionItems.FirstOrDefault(a => a.Id == itemId) ?? throw new NotFoundException("ActionItem", itemId);
        var side = SideOf(caller);
        if (side != Side.Indonesian && (side != Side.Foreign || item.OwnerSide != Side.Foreign || dueDate is not null || ownerParticipantId is not null))
        {
            throw new PermissionDeniedException("A partner sets the status of their own side's action items; everything else is the organising region's.");
        }
        var violations = new Violations();
        MeetingParticipant? owner = null;
        if (ownerParticipantId is not null && (owner = Participants.FirstOrDefault(p => p.Id == ownerParticipantId)) is null)
        {
            violations.Add("owner_participant_id", $"'{ownerParticipantId}' is not a participant of this meeting");
        }
        if (dueDate is { } due && due < today && due != item.DueDate)
        {
            violations.Add("due_date", $"{due:yyyy-MM-dd} has passed");
        }
        if (status is null && dueDate is null && owner is null && !violations.Any)
        {
            violations.Add("status", "name what changes: status, due_date or owner_participant_id");
        }
        violations.ThrowIfAny();
        var completed = false;
        if (status is { } s && s != item.Status)
        {
            completed = s == ActionItemStatus.Done;
            item.Status = s;
            item.CompletedOn = completed ? today : null;
        }
        if (dueDate is { } d)
        {
            item.DueDate = d;
        }
        if (owner is not null)
        {
            item.OwnerParticipantId = owner.Id;
            item.OwnerSide = owner.Side;
        }
        Touch(now);
        if (completed)
        {
            Raise(MeetingEvents.ActionItemCompleted(this, caller.Describe(), item, now));
        }
    }

    /// <summary>Announces each open action item past its due date, once for that due date; true when any was.</summary>
    public bool AnnounceOverdue(string actor, DateOnly today, DateTimeOffset now)
    {
        var due = ActionItems.Where(a => a.IsOverdue(today) && a.OverdueAnnouncedFor != a.DueDate).ToList();
        foreach (var item in due)
        {
            item.OverdueAnnouncedFor = item.DueDate;
        }
        if (due.Count == 0)
        {
            return false;
        }
        Touch(now);
        foreach (var item in due)
        {
            Raise(MeetingEvents.ActionItemOverdue(this, actor, item, now));
        }
        return true;
    }

    /// <summary>Announces each reminder whose time has come (a lead before an open occurrence's start), once
    /// per occurrence and lead; true when any was.</summary>
    public bool Remind(IReadOnlyList<TimeSpan> leads, string actor, DateTimeOffset now)
    {
        var due = new List<(Occurrence Occurrence, TimeSpan Lead)>();
        foreach (var occurrence in Occurrences.Where(o => o.IsOpen && o.StartsAt > now))
        {
            // Only the nearest lead that has come: a meeting booked an hour ahead gets the hour's reminder, not the day's too.
            var lead = leads.Where(l => occurrence.StartsAt - l <= now).OrderBy(l => l).FirstOrDefault();
            if (lead > TimeSpan.Zero && !RemindersSent.Contains(ReminderKey(occurrence, lead)))
            {
                due.Add((occurrence, lead));
            }
        }
        if (Status != MeetingStatus.Scheduled || due.Count == 0)
        {
            return false;
        }
        RemindersSent = [.. RemindersSent, .. due.Select(d => ReminderKey(d.Occurrence, d.Lead))];
        Touch(now);
        foreach (var (occurrence, lead) in due)
        {
            Raise(MeetingEvents.ReminderDue(this, actor, occurrence, lead));
        }
        return true;
    }

    /// <summary>Participants booked in other meetings at overlapping times, as found when it was scheduled.</summary>
    public void NoteConflicts(IEnumerable<BookingConflict> conflicts) => Conflicts = [.. conflicts];

    public MeetingView ViewFor(Caller caller, bool agreementPublic)
    {
        if (caller.CanManageRegion(RegionCode) || caller.HasRole(Roles.MinistryReviewer))
        {
            return MeetingView.Full;
        }
        if (IsPartyPartner(caller))
        {
            return MeetingView.Party;
        }
        return agreementPublic ? MeetingView.Public : MeetingView.None;
    }

    public override void AuthorizeChange(Caller caller)
    {
        if (!caller.CanManageRegion(RegionCode) && !IsPartyPartner(caller))
        {
            throw new PermissionDeniedException($"Only the organising region's officers (region {RegionCode}) change this meeting.");
        }
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => MeetingAudit.Snapshot(this);

    /// <summary>The side the caller speaks for in this meeting, if any.</summary>
    public Side? SideOf(Caller caller) =>
        caller.CanManageRegion(RegionCode) ? Side.Indonesian : IsPartyPartner(caller) ? Side.Foreign : null;

    private bool IsPartyPartner(Caller caller) => caller.HasRole(Roles.Partner) && caller.RegionCode is { } city && ForeignPartyIds.Contains(city);

    private void RequireOfficer(Caller caller, string what)
    {
        if (!caller.CanManageRegion(RegionCode))
        {
            throw new PermissionDeniedException($"Only an officer of the organising region ({RegionCode}) {what}.");
        }
    }

    private void RequireScheduled(string what)
    {
        if (Status != MeetingStatus.Scheduled)
        {
            throw new PreconditionFailedException($"The meeting is {Status}; there is nothing to {what}.", "MEETING_CANCELLED");
        }
    }

    private static void RequireOpen(PartnerAgreement agreement, MeetingProgram? program)
    {
        if (agreement.HasEnded || agreement.Status is "Withdrawn" or "Rejected" or "Superseded")
        {
            throw new PreconditionFailedException($"Agreement {agreement.AgreementId} is {agreement.Status}; its parties no longer meet under it.", "AGREEMENT_ENDED");
        }
        if (program is not null && program.HasEnded)
        {
            throw new PreconditionFailedException($"Program {program.ProgramId} is {program.Status}; schedule under the agreement instead.", "PROGRAM_ENDED");
        }
    }

    private Occurrence OccurrenceOf(string key) =>
        Occurrences.FirstOrDefault(o => o.Key == key) ?? throw new NotFoundException("Occurrence", key);

    private Occurrence FutureOccurrence(string key, DateTimeOffset now, string what)
    {
        var occurrence = OccurrenceOf(key);
        if (!occurrence.IsOpen)
        {
            throw new PreconditionFailedException($"Occurrence {key} is {occurrence.Status}; it cannot {what}.", "OCCURRENCE_CLOSED");
        }
        if (occurrence.StartsAt <= now)
        {
            throw new PreconditionFailedException($"Occurrence {key} has begun; only occurrences still to come {what}.", "OCCURRENCE_BEGUN");
        }
        return occurrence;
    }

    private void CancelFuture(string reason, DateTimeOffset now)
    {
        foreach (var occurrence in Occurrences.Where(o => o.IsOpen && o.StartsAt > now))
        {
            occurrence.Status = OccurrenceStatus.Cancelled;
            occurrence.Note = reason;
        }
        Status = MeetingStatus.Cancelled;
        CancelReason = reason;
        Sequence++;
        Touch(now);
    }

    private static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> CheckSchedule(Schedule schedule, DateTimeOffset now, string prefix, Violations violations)
    {
        var field = (string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        CheckTimes(schedule.StartsAt, schedule.EndsAt, now, prefix, violations);
        if (Zones.Find(schedule.TimeZone) is null)
        {
            violations.Add(field("time_zone"), $"'{schedule.TimeZone}' is not an IANA time zone (\"Asia/Jakarta\", \"America/Chicago\")");
        }
        return violations.Any ? [] : schedule.Expand(field("recurrence"), violations);
    }

    private static void CheckTimes(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, string prefix, Violations violations)
    {
        var field = (string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        if (start is null)
        {
            violations.Add(field("start_time"), "is required");
        }
        else if (start <= now)
        {
            violations.Add(field("start_time"), $"{start:u} has passed; a new time is in the future");
        }
        if (end is null)
        {
            violations.Add(field("end_time"), "is required");
        }
        else if (start is not null && end <= start)
        {
            violations.Add(field("end_time"), "must be after start_time");
        }
        else if (start is not null && end - start > Schedule.MaxDuration)
        {
            violations.Add(field("end_time"), $"a meeting lasts at most {Schedule.MaxDuration.TotalHours:0} hours");
        }
    }

    private void SetSchedule(Schedule schedule)
    {
        StartsAt = schedule.StartsAt;
        EndsAt = schedule.EndsAt;
        TimeZone = Zones.Find(schedule.TimeZone)!.Id;
        Recurrence = schedule.Recurrence;
    }

    private void SetPlan(MeetingPlan plan, IReadOnlyDictionary<string, Place> places, string? roomTemplate, Violations violations)
    {
        violations.Required("meeting.title", plan.Title).MaxLength("meeting.title", plan.Title, MaxTitle)
            .MaxLength("meeting.purpose", plan.Purpose, MaxText).MaxLength("meeting.venue", plan.Venue, MaxShort);
        var video = string.IsNullOrWhiteSpace(plan.VideoUrl) ? null : plan.VideoUrl.Trim();
        var venue = string.IsNullOrWhiteSpace(plan.Venue) ? null : plan.Venue.Trim();
        if (plan.Mode is MeetingMode.Virtual or MeetingMode.Hybrid)
        {
            video ??= roomTemplate?.Replace("{meeting}", Id, StringComparison.Ordinal);
            if (video is null)
            {
                violations.Add("meeting.video_url", "a virtual or hybrid meeting needs its video room (no provider template is configured)");
            }
            else if (video.Length > MaxUrl || !Uri.TryCreate(video, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                violations.Add("meeting.video_url", "must be an https:// link of at most 500 characters");
            }
        }
        else if (video is not null)
        {
            violations.Add("meeting.video_url", "an in-person meeting has no video room; make it hybrid");
        }
        if (plan.Mode is MeetingMode.InPerson or MeetingMode.Hybrid && venue is null)
        {
            violations.Add("meeting.venue", "an in-person or hybrid meeting needs its venue");
        }
        CheckAgenda(plan.Agenda, violations);
        CheckInterpretation(plan.Interpretation, violations);
        var participants = CheckParticipants(plan.Participants, places, violations);
        if (violations.Any)
        {
            return;
        }
        Title = plan.Title.Trim();
        Purpose = string.IsNullOrWhiteSpace(plan.Purpose) ? null : plan.Purpose.Trim();
        Mode = plan.Mode;
        VideoUrl = plan.Mode == MeetingMode.InPerson ? null : video;
        Venue = venue;
        Agenda = [.. plan.Agenda];
        Interpretation = [.. plan.Interpretation];
        Participants = participants;
    }

    private static void CheckAgenda(IReadOnlyList<AgendaItem> agenda, Violations violations)
    {
        if (agenda.Count > MaxAgenda)
        {
            violations.Add("meeting.agenda", $"has {agenda.Count} items; at most {MaxAgenda}");
            return;
        }
        for (var i = 0; i < agenda.Count; i++)
        {
            var item = agenda[i];
            LocalizedText.Check(item.Title, $"meeting.agenda[{i}].title", MaxShort, violations);
            if (item.DurationMinutes is < 0 or > 720)
            {
                violations.Add($"meeting.agenda[{i}].duration_minutes", "must be 0 to 720");
            }
            violations.MaxLength($"meeting.agenda[{i}].presenter", item.Presenter, MaxShort);
        }
    }

    private static void CheckInterpretation(IReadOnlyList<InterpretationNeed> needs, Violations violations)
    {
        if (needs.Count > MaxInterpretation)
        {
            violations.Add("meeting.interpretation", $"at most {MaxInterpretation} language pairs");
            return;
        }
        for (var i = 0; i < needs.Count; i++)
        {
            var need = needs[i];
            if (!LocalizedText.IsLanguage(need.SourceLanguage) || !LocalizedText.IsLanguage(need.TargetLanguage))
            {
                violations.Add($"meeting.interpretation[{i}]", "source_language and target_language are BCP 47 codes (\"id\", \"en\")");
            }
            else if (need.SourceLanguage == need.TargetLanguage)
            {
                violations.Add($"meeting.interpretation[{i}]", "interprets from one language into another");
            }
        }
    }

    private List<MeetingParticipant> CheckParticipants(IReadOnlyList<ParticipantInput> inputs, IReadOnlyDictionary<string, Place> places, Violations violations)
    {
        var result = new List<MeetingParticipant>();
        if (inputs.Count > MaxParticipants)
        {
            violations.Add("meeting.participants", $"has {inputs.Count} participants; at most {MaxParticipants}");
            return result;
        }
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"meeting.participants[{i}]";
            violations.Required($"{field}.name", input.Name).MaxLength($"{field}.name", input.Name, MaxShort).MaxLength($"{field}.position", input.Position, MaxShort);
            var email = (input.Email ?? string.Empty).Trim();
            if (email.Length is 0 or > 254 || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal))
            {
                violations.Add($"{field}.email", "must be an e-mail address (the invitation goes there)");
            }
            else if (!emails.Add(email))
            {
                violations.Add($"{field}.email", $"{email} is listed twice");
            }
            var side = input.CityId == IndonesianPartyId ? Side.Indonesian : ForeignPartyIds.Contains(input.CityId) ? Side.Foreign : (Side?)null;
            if (side is null)
            {
                violations.Add($"{field}.city_id", $"'{input.CityId}' is not a party to agreement {AgreementId} (its parties: {string.Join(", ", [IndonesianPartyId, .. ForeignPartyIds])})");
                continue;
            }
            if (!places.TryGetValue(input.CityId, out var place))
            {
                violations.Add($"{field}.city_id", $"'{input.CityId}' is not in the registry");
                continue;
            }
            var zoneName = string.IsNullOrWhiteSpace(input.TimeZone) ? place.TimeZone : input.TimeZone;
            var zone = Zones.Find(zoneName);
            if (zone is null)
            {
                violations.Add($"{field}.time_zone", $"'{zoneName}' is not an IANA time zone (\"Asia/Jakarta\", \"America/Chicago\")");
                continue;
            }
            var existing = Participants.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
            result.Add(new MeetingParticipant
            {
                Id = existing?.Id ?? $"mp-{Guid.NewGuid():N}",
                Name = input.Name?.Trim() ?? string.Empty,
                Email = email.ToLowerInvariant(),
                Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim(),
                CityId = input.CityId,
                CountryCode = place.CountryCode,
                Side = side.Value,
                TimeZone = zone.Id,
                Optional = input.Optional,
            });
        }
        if (!violations.Any && (!result.Any(p => p.Side == Side.Indonesian) || !result.Any(p => p.Side == Side.Foreign)))
        {
            violations.Add("meeting.participants", "the partners meet: at least one participant from the Indonesian side and one from a foreign party");
        }
        var removed = Participants.Where(p => result.All(r => r.Id != p.Id)).Select(p => p.Id).ToHashSet();
        if (removed.Count > 0 && ActionItems.Any(a => removed.Contains(a.OwnerParticipantId) && a.Status == ActionItemStatus.Open))
        {
            violations.Add("meeting.participants", "a participant who owns an open action item stays on the list; give the item to someone else first");
        }
        return result;
    }

    private static string ReminderKey(Occurrence occurrence, TimeSpan lead) => $"{occurrence.Key}/{(int)lead.TotalMinutes}m";

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
