using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Meetings.Tests.Domain.TestMeetings;

namespace Paradiplomacy.Meetings.Tests.Domain;

public class MeetingRulesTests
{
    private static readonly DateTimeOffset AfterFirst = new(2027, 3, 9, 13, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Scheduling_names_each_participant_s_side_and_zone_from_their_city_and_tells_them_in_their_own_time()
    {
        var meeting = Scheduled();

        Assert.Equal([Side.Indonesian, Side.Foreign], meeting.Participants.Select(p => p.Side));
        Assert.Equal(["Asia/Jakarta", "America/Chicago"], meeting.Participants.Select(p => p.TimeZone));
        Assert.Equal("https://meet.example.org/mtg-test", meeting.VideoUrl);
        var scheduled = Assert.IsType<MeetingScheduled>(Assert.Single(meeting.PendingEvents));
        Assert.Equal(["Tue 9 Mar 2027 19:00 WIB", "Tue 9 Mar 2027 06:00 CST"], scheduled.Recipients.Select(r => r.LocalStart));
    }

    [Fact]
    public void Bad_input_is_refused_field_by_field()
    {
        var stranger = Jake with { CityId = "gn-1850147" };
        var plan = Plan(Rina, stranger, Rina with { Email = "not-an-address" }) with { Title = "" };
        var past = new Schedule(Now.AddDays(-1), TimeSpan.FromHours(-1), "Asia/Atlantis", null);

        var error = Assert.Throws<ValidationException>(() =>
            Meeting.ScheduleFor("mtg-x", Agreement(), null, plan, past, Places, null, Officer(), null, Now));

        var fields = error.Violations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "meeting.title", "meeting.participants[1].city_id", "meeting.participants[2].email", "meeting.start_time", "meeting.end_time", "meeting.time_zone", "meeting.video_url" }, fields);
    }

    [Fact]
    public void Partners_meet_so_both_sides_need_a_participant()
    {
        var error = Assert.Throws<ValidationException>(() => Scheduled(plan: Plan(Rina)));

        Assert.Contains(error.Violations, v => v.Field == "meeting.participants" && v.Description.Contains("one from a foreign party", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_an_officer_of_the_agreement_s_region_schedules_and_an_ended_agreement_has_no_new_meetings()
    {
        Assert.Throws<PermissionDeniedException>(() => Meeting.ScheduleFor("mtg-x", Agreement(), null, Plan(), Scheduled().Schedule, Places, null, Officer("35.78"), null, Now));
        var ended = Assert.Throws<PreconditionFailedException>(() => Meeting.ScheduleFor("mtg-x", Agreement("Terminated"), null, Plan(), Scheduled().Schedule, Places, null, Officer(), null, Now));
        Assert.Equal("AGREEMENT_ENDED", ended.Reason);
    }

    [Fact]
    public void Minutes_are_final_only_when_one_person_of_each_side_has_confirmed_the_latest_version()
    {
        var meeting = Held();
        var first = meeting.SubmitMinutes(meeting.Occurrences[0].Key, new() { ["id"] = "Notulen", ["en"] = "Minutes" }, [new() { ["en"] = "Exchange ten students in 2027" }], Officer(), AfterFirst);
        meeting.ConfirmMinutes(first.Id, Officer(), AfterFirst);
        meeting.ConfirmMinutes(first.Id, Officer(), AfterFirst);
        Assert.False(first.IsFinal);

        // A correction replaces version 1: its confirmation no longer counts, and version 1 cannot be confirmed.
        var second = meeting.SubmitMinutes(meeting.Occurrences[0].Key, new() { ["en"] = "Minutes, corrected" }, [new() { ["en"] = "Exchange twelve students in 2027" }], Officer(), AfterFirst);
        var superseded = Assert.Throws<PreconditionFailedException>(() => meeting.ConfirmMinutes(first.Id, Partner(), AfterFirst));
        Assert.Equal("MINUTES_SUPERSEDED", superseded.Reason);
        Assert.Throws<PermissionDeniedException>(() => meeting.ConfirmMinutes(second.Id, Partner("gn-1850147"), AfterFirst));

        meeting.ClearEvents();
        meeting.ConfirmMinutes(second.Id, Partner(), AfterFirst);
        Assert.False(second.IsFinal);
        meeting.ConfirmMinutes(second.Id, Officer(), AfterFirst);

        Assert.True(second.IsFinal);
        var confirmed = Assert.IsType<MinutesConfirmed>(Assert.Single(meeting.PendingEvents));
        Assert.Equal(2, confirmed.MinutesVersion);
        var final = Assert.Throws<PreconditionFailedException>(() => meeting.SubmitMinutes(meeting.Occurrences[0].Key, new() { ["en"] = "Again" }, [], Officer(), AfterFirst));
        Assert.Equal("MINUTES_FINAL", final.Reason);
    }

    [Fact]
    public void Minutes_wait_for_the_attendance_and_attendance_waits_for_the_meeting()
    {
        var meeting = Scheduled();
        var key = meeting.Occurrences[0].Key;

        Assert.Equal("OCCURRENCE_NOT_BEGUN", Assert.Throws<PreconditionFailedException>(() => meeting.RecordAttendance(key, [meeting.Participants[0].Id], 0, 0, Officer(), Now)).Reason);
        Assert.Equal("OCCURRENCE_NOT_HELD", Assert.Throws<PreconditionFailedException>(() => meeting.SubmitMinutes(key, new() { ["en"] = "x" }, [], Officer(), AfterFirst)).Reason);
    }

    [Fact]
    public void An_overdue_action_item_is_announced_once_for_its_due_date_and_again_only_after_a_new_one()
    {
        var meeting = Held();
        var item = meeting.AddActionItem("Send the exchange list", meeting.Participants[1].Id, new DateOnly(2027, 3, 20), 0, Officer(), new DateOnly(2027, 3, 9), AfterFirst);
        meeting.ClearEvents();

        Assert.False(meeting.AnnounceOverdue("system", new DateOnly(2027, 3, 20), AfterFirst));
        Assert.True(meeting.AnnounceOverdue("system", new DateOnly(2027, 3, 21), AfterFirst));
        Assert.False(meeting.AnnounceOverdue("system", new DateOnly(2027, 3, 22), AfterFirst));
        Assert.IsType<ActionItemOverdue>(Assert.Single(meeting.PendingEvents));

        // The partner owns it: they may mark it done, but not move it.
        Assert.Throws<PermissionDeniedException>(() => meeting.UpdateActionItem(item.Id, null, new DateOnly(2027, 4, 1), null, Partner(), new DateOnly(2027, 3, 22), AfterFirst));
        meeting.UpdateActionItem(item.Id, ActionItemStatus.Done, null, null, Partner(), new DateOnly(2027, 3, 22), AfterFirst);
        Assert.Equal(new DateOnly(2027, 3, 22), item.CompletedOn);
        Assert.IsType<ActionItemCompleted>(meeting.PendingEvents[^1]);
    }

    [Fact]
    public void Each_occurrence_is_reminded_a_day_and_an_hour_before_once_each()
    {
        var meeting = Scheduled(Monthly(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero), "FREQ=MONTHLY;BYDAY=2TU;COUNT=2"));
        meeting.ClearEvents();
        TimeSpan[] leads = [TimeSpan.FromDays(1), TimeSpan.FromHours(1)];

        Assert.False(meeting.Remind(leads, "system", new DateTimeOffset(2027, 3, 8, 11, 0, 0, TimeSpan.Zero)));
        Assert.True(meeting.Remind(leads, "system", new DateTimeOffset(2027, 3, 8, 12, 30, 0, TimeSpan.Zero)));
        Assert.False(meeting.Remind(leads, "system", new DateTimeOffset(2027, 3, 8, 13, 0, 0, TimeSpan.Zero)));
        Assert.True(meeting.Remind(leads, "system", new DateTimeOffset(2027, 3, 9, 11, 15, 0, TimeSpan.Zero)));
        Assert.False(meeting.Remind(leads, "system", new DateTimeOffset(2027, 3, 9, 11, 45, 0, TimeSpan.Zero)));

        var reminders = meeting.PendingEvents.OfType<MeetingReminderDue>().ToList();
        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromHours(1)], reminders.Select(r => r.Lead));
        Assert.All(reminders, r => Assert.Equal(meeting.Occurrences[0].Key, r.OccurrenceId));
    }

    [Fact]
    public void One_occurrence_moves_or_is_cancelled_while_the_series_keeps_its_other_dates()
    {
        var meeting = Scheduled(Monthly(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero), "FREQ=MONTHLY;BYDAY=2TU;COUNT=3"));
        var (march, april, may) = (meeting.Occurrences[0], meeting.Occurrences[1], meeting.Occurrences[2]);

        meeting.MoveOccurrence(april.Key, april.StartsAt.AddDays(1), april.EndsAt.AddDays(1), "Idul Fitri", Officer(), Now);
        meeting.CancelOccurrence(may.Key, "Budget session", Officer(), Now);

        Assert.Equal([OccurrenceStatus.Planned, OccurrenceStatus.Moved, OccurrenceStatus.Cancelled], meeting.Occurrences.Select(o => o.Status));
        Assert.Equal(new DateTimeOffset(2027, 4, 14, 12, 0, 0, TimeSpan.Zero), april.StartsAt);
        Assert.Equal("20270413T120000Z", april.Key);
        Assert.Equal(2, meeting.Sequence);
        Assert.Equal(march.StartsAt, meeting.NextOccurrence(Now)!.StartsAt);
    }

    private static Meeting Held()
    {
        var meeting = Scheduled();
        meeting.RecordAttendance(meeting.Occurrences[0].Key, [.. meeting.Participants.Select(p => p.Id)], 2, 1, Officer(), AfterFirst);
        return meeting;
    }
}
