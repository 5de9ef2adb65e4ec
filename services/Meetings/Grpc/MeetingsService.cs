using System.Text;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NodaTime;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.Meetings.Extensions;
using Paradiplomacy.Meetings.Queries;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.Meetings.Grpc;

/// <summary>The meetings' contract: checks and translates each request, then changes meetings through the
/// write path (the meeting decides) or reads through the queries; the time finder and the room presence
/// answer from their own classes.</summary>
public sealed class MeetingsService(
    AggregateWriter<Meeting> writer,
    AggregateWriter<PublicHoliday> holidays,
    AggregateWriter<CalendarFeed> feeds,
    MeetingQueries queries,
    PlaceDirectory places,
    BookingCheck bookings,
    TimeFinder timeFinder,
    PresenceBoard presence,
    IOptions<MeetingOptions> options,
    TimeProvider clock) : V1.Meetings.MeetingsBase
{
    private static readonly string[] ChangeableFields = ["title", "purpose", "mode", "video_url", "venue", "agenda", "interpretation", "participants"];

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => CalendarDay.InIndonesia(Now);

    [Authorize]
    public override async Task<V1.Meeting> CreateMeeting(V1.CreateMeetingRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Meeting ?? new V1.Meeting();
        var violations = new Violations().RejectOutputOnly(input, "meeting").RequestId(request.RequestId).Id("meeting.agreement_id", input.AgreementId);
        if (input.ProgramId.Length > 0)
        {
            violations.Id("meeting.program_id", input.ProgramId);
        }
        var plan = Plan(input, violations);
        var recurrence = Schedule.CheckRule(input.Recurrence, "meeting.recurrence", violations);
        RequireTimes(input.StartTime, input.EndTime, "meeting.", violations);
        violations.ThrowIfAny();

        if (await writer.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return earlier.ToProto(MeetingView.Full, Now);
        }
        var agreement = await queries.AgreementAsync(input.AgreementId, "meeting.agreement_id", ct);
        MeetingProgram? program = null;
        if (input.ProgramId.Length > 0)
        {
            program = await queries.ProgramAsync(input.ProgramId, "meeting.program_id", ct);
            if (program.AgreementId != agreement.AgreementId)
            {
                throw new ValidationException("meeting.program_id", $"program {program.ProgramId} is under agreement {program.AgreementId}, not {agreement.AgreementId}");
            }
        }
        var schedule = new Schedule(Time(input.StartTime), Time(input.EndTime) - Time(input.StartTime), input.TimeZone, recurrence);
        var known = caller.CanManageRegion(agreement.RegionCode) ? await places.FindAsync(plan.Participants.Select(p => p.CityId), ct) : new Dictionary<string, Place>();
        var meeting = Meeting.ScheduleFor($"mtg-{Guid.NewGuid():N}", agreement, program, plan, schedule, known, options.Value.VideoRoomTemplate, caller, Ids.OrNull(request.RequestId), Now);
        meeting.NoteConflicts(await bookings.ConflictsAsync(meeting, Now, ct));
        await writer.AddAsync(meeting, caller.Describe(), "schedule", ct);
        return meeting.ToProto(MeetingView.Full, Now);
    }

    public override Task<V1.Meeting> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context) =>
        queries.GetAsync(request.Id, context.Caller(), context.CancellationToken);

    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, MeetingQueries.FilterFields);
        return await queries.ListAsync(terms, Paging.Start(size, request.PageToken, request.Filter), context.Caller(), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Meeting> UpdateMeeting(V1.UpdateMeetingRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Meeting ?? new V1.Meeting();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToHashSet() : null;
        bool Masked(string path) => paths is null || paths.Contains(path);
        var meeting = await writer.ChangeAsync(request.Id, request.Etag, caller, "update", async m =>
        {
            RequireOrganiser(m, caller);
            var violations = new Violations().RejectOutputOnly(input, "meeting");
            var unknown = paths?.Where(x => !ChangeableFields.Contains(x)).ToList() ?? [];
            if (unknown.Count > 0)
            {
                violations.Add("update_mask", $"cannot change {string.Join(", ", unknown)} here; a meeting's changeable fields are {string.Join(", ", ChangeableFields)} (reschedule to move it)");
            }
            foreach (var (field, given, current) in new[] { ("agreement_id", input.AgreementId, m.AgreementId), ("program_id", input.ProgramId, m.ProgramId ?? string.Empty) })
            {
                if (given.Length > 0 && given != current)
                {
                    violations.Add($"meeting.{field}", "a meeting stays with the agreement and program it was scheduled for");
                }
            }
            var merged = new V1.Meeting
            {
                Title = Masked("title") ? input.Title : m.Title,
                Purpose = Masked("purpose") ? input.Purpose : m.Purpose ?? string.Empty,
                Mode = Masked("mode") ? input.Mode : (V1.MeetingMode)m.Mode,
                VideoUrl = Masked("video_url") ? input.VideoUrl : m.VideoUrl ?? string.Empty,
                Venue = Masked("venue") ? input.Venue : m.Venue ?? string.Empty,
            };
            merged.Agenda.AddRange(Masked("agenda") ? input.Agenda : m.Agenda.Select(a => new V1.AgendaItem { Title = MeetingMapper.Text(a.Title), DurationMinutes = a.DurationMinutes, Presenter = a.Presenter ?? string.Empty }));
            merged.Interpretation.AddRange(Masked("interpretation") ? input.Interpretation
                : m.Interpretation.Select(i => new V1.InterpretationNeed { SourceLanguage = i.SourceLanguage, TargetLanguage = i.TargetLanguage, Mode = (V1.InterpretationMode)i.Mode }));
            merged.Participants.AddRange(Masked("participants") ? input.Participants
                : m.Participants.Select(p => new V1.MeetingParticipant { Name = p.Name, Email = p.Email, Position = p.Position ?? string.Empty, CityId = p.CityId, TimeZone = p.TimeZone, Optional = p.Optional }));
            var plan = Plan(merged, violations);
            violations.ThrowIfAny();
            m.Revise(plan, await places.FindAsync(plan.Participants.Select(p => p.CityId), ct), options.Value.VideoRoomTemplate, Now);
            m.NoteConflicts(await bookings.ConflictsAsync(m, Now, ct));
        }, ct);
        return meeting.ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> RescheduleMeeting(V1.RescheduleMeetingRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var meeting = await writer.ChangeAsync(request.Id, request.Etag, caller, "reschedule", async m =>
        {
            RequireOrganiser(m, caller);
            var violations = new Violations();
            RequireTimes(request.StartTime, request.EndTime, string.Empty, violations);
            violations.ThrowIfAny();
            var start = Time(request.StartTime);
            var schedule = new Schedule(start, Time(request.EndTime) - start, request.TimeZone.Length > 0 ? request.TimeZone : m.TimeZone, m.Recurrence);
            m.Reschedule(schedule, request.Reason, caller, Now);
            m.NoteConflicts(await bookings.ConflictsAsync(m, Now, ct));
        }, ct);
        return meeting.ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> CancelMeeting(V1.CancelMeetingRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.Id, request.Etag, caller, "cancel", m =>
        {
            RequireOrganiser(m, caller);
            m.Cancel(request.Reason, caller, Now);
        }, context.CancellationToken)).ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> MoveOccurrence(V1.MoveOccurrenceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var meeting = await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "move_occurrence", async m =>
        {
            RequireOrganiser(m, caller);
            m.MoveOccurrence(request.OccurrenceId, OptionalTime(request.StartTime), OptionalTime(request.EndTime), request.Reason, caller, Now);
            m.NoteConflicts(await bookings.ConflictsAsync(m, Now, ct));
        }, ct);
        return meeting.ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> CancelOccurrence(V1.CancelOccurrenceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "cancel_occurrence", m =>
        {
            RequireOrganiser(m, caller);
            m.CancelOccurrence(request.OccurrenceId, request.Reason, caller, Now);
        }, context.CancellationToken)).ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.FindMeetingTimesResponse> FindMeetingTimes(V1.FindMeetingTimesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var violations = new Violations();
        var hours = WorkingHours.Parse(request.WorkingHours?.Start, request.WorkingHours?.End, WorkingHours.Default, "working_hours", violations);
        if (request.DurationMinutes is < 15 or > 720)
        {
            violations.Add("duration_minutes", "must be 15 to 720 minutes");
        }
        var horizon = request.HorizonDays == 0 ? 14 : request.HorizonDays;
        if (horizon is < 1 or > SlotSearch.MaxHorizonDays)
        {
            violations.Add("horizon_days", $"must be 1 to {SlotSearch.MaxHorizonDays}");
        }
        var max = request.MaxSlots == 0 ? 5 : request.MaxSlots;
        if (max is < 1 or > 20)
        {
            violations.Add("max_slots", "must be 1 to 20");
        }
        var step = request.StepMinutes == 0 ? 30 : request.StepMinutes;
        if (step is not (15 or 30 or 60))
        {
            violations.Add("step_minutes", "must be 15, 30 or 60");
        }
        if (request.Participants.Count > SlotSearch.MaxSeekers)
        {
            violations.Add("participants", $"at most {SlotSearch.MaxSeekers}");
        }
        var wanted = new List<TimeFinder.Wanted>();
        for (var i = 0; i < request.Participants.Count && i < SlotSearch.MaxSeekers; i++)
        {
            var p = request.Participants[i];
            violations.Id($"participants[{i}].city_id", p.CityId).MaxLength($"participants[{i}].email", p.Email, 254);
            wanted.Add(new TimeFinder.Wanted(p.CityId, p.TimeZone, p.Email, WorkingHours.Parse(p.WorkingHours?.Start, p.WorkingHours?.End, hours, $"participants[{i}].working_hours", violations)));
        }
        if (wanted.Count == 0)
        {
            if (request.AgreementId.Length == 0)
            {
                violations.Add("participants", "name the participants (their cities), or the agreement whose parties meet");
            }
            else
            {
                violations.Id("agreement_id", request.AgreementId);
            }
        }
        violations.ThrowIfAny();
        if (wanted.Count == 0)
        {
            var agreement = await queries.AgreementAsync(request.AgreementId, "agreement_id", ct);
            wanted.AddRange(new[] { agreement.IndonesianPartyId }.Concat(agreement.ForeignPartyIds).Select(city => new TimeFinder.Wanted(city, null, null, hours)));
        }
        var now = Instant.FromDateTimeOffset(Now);
        var earliest = request.Earliest is null ? now : Instant.FromDateTimeOffset(request.Earliest.ToDateTimeOffset());
        var (search, result) = await timeFinder.FindAsync(wanted, earliest < now ? now : earliest, horizon, NodaTime.Duration.FromMinutes(request.DurationMinutes), NodaTime.Duration.FromMinutes(step), max, ct);
        var response = new V1.FindMeetingTimesResponse();
        response.Reasons.AddRange(result.Reasons);
        response.Slots.AddRange(result.Slots.Select(s =>
        {
            var slot = new V1.ProposedSlot { StartTime = Timestamp.FromDateTimeOffset(s.Start.ToDateTimeOffset()), EndTime = Timestamp.FromDateTimeOffset(s.End.ToDateTimeOffset()) };
            slot.LocalStarts.AddRange(search.Seekers.Select(x => MeetingMapper.LocalTimeOf(s.Start, x.Zone.Id)));
            return slot;
        }));
        return response;
    }

    public override async Task<HttpBody> GetMeetingInvitation(V1.GetMeetingInvitationRequest request, ServerCallContext context)
    {
        var ics = await queries.InvitationAsync(request.Id, request.ParticipantId, context.Caller(), context.CancellationToken);
        context.ResponseTrailers.Add("content-disposition", $"attachment; filename=\"{request.Id}.ics\"");
        return new HttpBody { ContentType = InvitationCalendar.ContentType, Data = ByteString.CopyFrom(ics, Encoding.UTF8) };
    }

    [Authorize]
    public override async Task<V1.Meeting> RecordAttendance(V1.RecordAttendanceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "record_attendance",
            m => m.RecordAttendance(request.OccurrenceId, [.. request.ParticipantIds], request.GuestsIndonesian, request.GuestsForeign, caller, Now),
            context.CancellationToken)).ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> SubmitMinutes(V1.SubmitMinutesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Minutes ?? new V1.Minutes();
        var meeting = await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "submit_minutes", m =>
        {
            var violations = new Violations().RejectOutputOnly(input, "minutes").Required("minutes.occurrence_id", input.OccurrenceId);
            var text = LocalizedText.Check(input.Text?.Texts ?? new Google.Protobuf.Collections.MapField<string, string>(), "minutes.text", Meeting.MaxMinutesText, violations);
            if (input.Decisions.Count > Meeting.MaxDecisions)
            {
                violations.Add("minutes.decisions", $"at most {Meeting.MaxDecisions}");
            }
            var decisions = input.Decisions.Take(Meeting.MaxDecisions).Select((d, i) => LocalizedText.Check(d.Texts, $"minutes.decisions[{i}]", Meeting.MaxText, violations)).ToList();
            violations.ThrowIfAny();
            m.SubmitMinutes(input.OccurrenceId, text, decisions, caller, Now);
        }, context.CancellationToken);
        return meeting.ToProto(meeting.ViewFor(caller, true), Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> ConfirmMinutes(V1.ConfirmMinutesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var meeting = await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "confirm_minutes", m => m.ConfirmMinutes(request.MinutesId, caller, Now), context.CancellationToken);
        return meeting.ToProto(meeting.ViewFor(caller, true), Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> AddActionItem(V1.AddActionItemRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.ActionItem ?? new V1.ActionItem();
        var meeting = await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "add_action_item", m =>
        {
            var violations = new Violations().RejectOutputOnly(input, "action_item");
            var due = input.DueDate.ToDateOnly("action_item.due_date", violations);
            violations.ThrowIfAny();
            m.AddActionItem(input.Title, input.OwnerParticipantId, due, input.Decision, caller, Today, Now);
        }, context.CancellationToken);
        return meeting.ToProto(MeetingView.Full, Now);
    }

    [Authorize]
    public override async Task<V1.Meeting> UpdateActionItem(V1.UpdateActionItemRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var meeting = await writer.ChangeAsync(request.MeetingId, request.Etag, caller, "update_action_item", m =>
        {
            var violations = new Violations();
            ActionItemStatus? status = request.Status == V1.ActionItemStatus.Unspecified ? null : violations.Enum<V1.ActionItemStatus, ActionItemStatus>("status", request.Status);
            var due = request.DueDate.ToDateOnly("due_date", violations);
            violations.ThrowIfAny();
            m.UpdateActionItem(request.ActionItemId, status, due, request.OwnerParticipantId.Length == 0 ? null : request.OwnerParticipantId, caller, Today, Now);
        }, context.CancellationToken);
        return meeting.ToProto(meeting.ViewFor(caller, true), Now);
    }

    public override async Task<V1.ListActionItemsResponse> ListActionItems(V1.ListActionItemsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, MeetingQueries.ActionItemFilterFields);
        return await queries.ActionItemsAsync(terms, Paging.Start(size, request.PageToken, request.Filter), context.Caller(), context.CancellationToken);
    }

    /// <summary>Only the participant's own side enters the room under their name: an officer of the organising
    /// region for the Indonesian participants, a partner of a foreign party for the foreign ones.</summary>
    [Authorize]
    public override async Task<V1.RoomPresence> JoinRoom(V1.JoinRoomRequest request, ServerCallContext context)
    {
        var (meeting, participant) = await RoomParticipantAsync(request.MeetingId, request.ParticipantId, context);
        if (meeting.Mode == MeetingMode.InPerson || meeting.Status == MeetingStatus.Cancelled)
        {
            throw new PreconditionFailedException(meeting.Mode == MeetingMode.InPerson ? "The meeting has no virtual room: it is in person." : "The meeting was cancelled.", "NO_ROOM");
        }
        await presence.JoinAsync(meeting.Id, participant.Id);
        return await RoomAsync(meeting, MeetingView.Full);
    }

    [Authorize]
    public override async Task<V1.RoomPresence> LeaveRoom(V1.LeaveRoomRequest request, ServerCallContext context)
    {
        var (meeting, participant) = await RoomParticipantAsync(request.MeetingId, request.ParticipantId, context);
        await presence.LeaveAsync(meeting.Id, participant.Id);
        return await RoomAsync(meeting, MeetingView.Full);
    }

    public override async Task<V1.RoomPresence> GetRoomPresence(V1.GetRoomPresenceRequest request, ServerCallContext context)
    {
        var (meeting, view) = await queries.FindVisibleAsync(request.MeetingId, context.Caller(), context.CancellationToken);
        return await RoomAsync(meeting, view);
    }

    public override Task<V1.MeetingHistory> GetMeetingHistory(V1.GetMeetingHistoryRequest request, ServerCallContext context) =>
        queries.HistoryAsync(request.Id, context.Caller(), context.CancellationToken);

    [Authorize]
    public override async Task<V1.Holiday> CreateHoliday(V1.CreateHolidayRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var input = request.Holiday ?? new V1.Holiday();
        var violations = new Violations().RejectOutputOnly(input, "holiday").RequestId(request.RequestId);
        var date = input.Date.ToDateOnly("holiday.date", violations);
        violations.ThrowIfAny();
        if (await holidays.FindCreatedAsync(request.RequestId, caller, ct) is { } earlier)
        {
            return earlier.ToProto();
        }
        var holiday = PublicHoliday.Declare(input.CountryCode, input.RegionCode, date, input.Name, caller, Ids.OrNull(request.RequestId), Now);
        await holidays.AddAsync(holiday, caller.Describe(), "declare", ct);
        return holiday.ToProto();
    }

    public override async Task<V1.ListHolidaysResponse> ListHolidays(V1.ListHolidaysRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var size = Paging.Size(request.PageSize, violations);
        violations.ThrowIfAny();
        var terms = FilterTerms.Parse(request.Filter, MeetingQueries.HolidayFilterFields);
        return await queries.HolidaysAsync(terms, Paging.Start(size, request.PageToken, request.Filter), context.CancellationToken);
    }

    [Authorize]
    public override async Task<V1.Holiday> DeleteHoliday(V1.DeleteHolidayRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await holidays.ChangeAsync(request.Id, request.Etag, caller, "delete", h => h.Delete(), context.CancellationToken)).ToProto();
    }

    [Authorize]
    public override async Task<V1.CalendarFeed> CreateCalendarFeed(V1.CreateCalendarFeedRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = request.Feed ?? new V1.CalendarFeed();
        new Violations().RejectOutputOnly(input, "feed").ThrowIfAny();
        var (feed, token) = CalendarFeed.Create(input.RegionCode, input.Email, caller, Now);
        await feeds.AddAsync(feed, caller.Describe(), "create", context.CancellationToken);
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/meetings/feeds/{feed.Id}/calendar?token={token}";
        return feed.ToProto(url);
    }

    [Authorize]
    public override async Task<V1.CalendarFeed> RevokeCalendarFeed(V1.RevokeCalendarFeedRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return (await feeds.ChangeAsync(request.Id, null, caller, "revoke", f => f.Revoke(), context.CancellationToken)).ToProto();
    }

    /// <summary>Anonymous by design: a calendar application sends no token of ours, only the feed's secret.</summary>
    public override async Task<HttpBody> GetCalendarFeed(V1.GetCalendarFeedRequest request, ServerCallContext context)
    {
        var ics = await queries.FeedAsync(request.Id, request.Token, context.CancellationToken);
        return new HttpBody { ContentType = InvitationCalendar.ContentType, Data = ByteString.CopyFrom(ics, Encoding.UTF8) };
    }

    private async Task<(Meeting Meeting, MeetingParticipant Participant)> RoomParticipantAsync(string meetingId, string participantId, ServerCallContext context)
    {
        var caller = context.Caller();
        var (meeting, _) = await queries.FindVisibleAsync(meetingId, caller, context.CancellationToken);
        var side = meeting.SideOf(caller) ?? throw new PermissionDeniedException("Only the parties to the meeting enter its room.");
        var participant = meeting.Participants.FirstOrDefault(p => p.Id == participantId) ?? throw new NotFoundException("Participant", participantId);
        if (participant.Side != side)
        {
            throw new PermissionDeniedException($"Participant {participantId} is of the {participant.Side} side; each side enters under its own participants' names.");
        }
        return (meeting, participant);
    }

    private async Task<V1.RoomPresence> RoomAsync(Meeting meeting, MeetingView view)
    {
        var here = await presence.PresentAsync(meeting.Id);
        var room = new V1.RoomPresence { MeetingId = meeting.Id, LifetimeSeconds = (int)PresenceBoard.Lifetime.TotalSeconds };
        var working = view is MeetingView.Full or MeetingView.Party;
        foreach (var (id, joined) in here)
        {
            if (meeting.Participants.FirstOrDefault(p => p.Id == id) is { } p)
            {
                // The public sees how many of each side are in the room, not who.
                room.Present.Add(new V1.PresentParticipant
                {
                    ParticipantId = working ? p.Id : string.Empty, Name = working ? p.Name : string.Empty, Side = (V1.Side)p.Side, JoinTime = Timestamp.FromDateTimeOffset(joined),
                });
            }
        }
        return room;
    }

    private static void RequireOrganiser(Meeting meeting, Caller caller)
    {
        if (!caller.CanManageRegion(meeting.RegionCode))
        {
            throw new PermissionDeniedException($"Only the organising region's officers (region {meeting.RegionCode}) change this meeting.");
        }
    }

    private static MeetingPlan Plan(V1.Meeting input, Violations violations)
    {
        var mode = violations.Enum<V1.MeetingMode, MeetingMode>("meeting.mode", input.Mode);
        var agenda = input.Agenda.Select(a => new AgendaItem(a.Title?.Texts.ToDictionary(t => t.Key, t => t.Value) ?? [], a.DurationMinutes,
            string.IsNullOrWhiteSpace(a.Presenter) ? null : a.Presenter.Trim())).ToList();
        var interpretation = input.Interpretation.Select((i, n) => new InterpretationNeed(i.SourceLanguage, i.TargetLanguage,
            violations.Enum<V1.InterpretationMode, InterpretationMode>($"meeting.interpretation[{n}].mode", i.Mode))).ToList();
        var participants = input.Participants.Select((p, n) =>
        {
            violations.Id($"meeting.participants[{n}].city_id", p.CityId);
            return new ParticipantInput(p.Name, p.Email, p.Position, p.CityId, p.TimeZone, p.Optional);
        }).ToList();
        return new MeetingPlan(input.Title, input.Purpose, mode, input.VideoUrl, input.Venue, agenda, interpretation, participants);
    }

    private static void RequireTimes(Timestamp? start, Timestamp? end, string prefix, Violations violations)
    {
        if (start is null)
        {
            violations.Add(prefix + "start_time", "is required");
        }
        if (end is null)
        {
            violations.Add(prefix + "end_time", "is required");
        }
    }

    /// <summary>A timestamp the domain checks (unset: the minimum, which is "in the past").</summary>
    private static DateTimeOffset Time(Timestamp? t) => t is null ? DateTimeOffset.MinValue : t.ToDateTimeOffset();

    private static DateTimeOffset? OptionalTime(Timestamp? t) => t?.ToDateTimeOffset();
}
