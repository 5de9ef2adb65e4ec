using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Meetings.Jobs;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.Meetings.Tests.Integration;

/// <summary>Bandung and Fort Worth meeting as their officers would: on the real PostgreSQL, Redis and broker.</summary>
[Collection(MeetingsCollection.Name)]
public class MeetingFlowTests(MeetingsFixture fixture)
{
    private static readonly int NextYear = DateTime.UtcNow.Year + 1;

    [Fact]
    public async Task A_monthly_working_group_is_shown_in_each_city_s_time_and_one_occurrence_moves_and_one_is_cancelled()
    {
        var first = SecondTuesdayOfJanuary(NextYear);
        var group = Meeting("Monthly working group", first, TimeSpan.FromHours(1), "rina.wg@bandung.go.id", "sam.wg@fortworthtexas.gov");
        group.Recurrence = "FREQ=MONTHLY;BYDAY=2TU;COUNT=6";
        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = group, RequestId = $"wg-{Guid.NewGuid():N}" }, fixture.Officer());

        Assert.Equal(6, meeting.Occurrences.Count);
        Assert.All(meeting.Occurrences, o => Assert.Equal(DayOfWeek.Tuesday, o.StartTime.ToDateTime().AddHours(7).DayOfWeek));
        var bandung = meeting.Participants.Single(p => p.CityId == MeetingsFixture.Bandung);
        var fortWorth = meeting.Participants.Single(p => p.CityId == MeetingsFixture.FortWorth);
        Assert.Equal((V1.Side.Indonesian, "Asia/Jakarta"), (bandung.Side, bandung.TimeZone));
        Assert.Equal((V1.Side.Foreign, "America/Chicago"), (fortWorth.Side, fortWorth.TimeZone));
        Assert.Contains("19:00 WIB", bandung.LocalStart, StringComparison.Ordinal);
        Assert.Contains("06:00 CST", fortWorth.LocalStart, StringComparison.Ordinal);
        // Fort Worth moves its clocks in March; Bandung does not, so the April meeting is an hour later there.
        var april = meeting.Occurrences.Single(o => o.StartTime.ToDateTime().Month == 4);
        Assert.Equal(12, april.StartTime.ToDateTime().Hour);
        Assert.StartsWith("https://", meeting.VideoUrl, StringComparison.Ordinal);

        // Rina is booked twice when another meeting lands on the third occurrence.
        var third = meeting.Occurrences[2];
        var clash = Meeting("Budget call", third.StartTime.ToDateTimeOffset().AddMinutes(30), TimeSpan.FromHours(1), "rina.wg@bandung.go.id", "other@fortworthtexas.gov");
        var other = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = clash }, fixture.Officer());
        var conflict = Assert.Single(other.Conflicts);
        Assert.Equal((meeting.Id, third.Id), (conflict.OtherMeetingId, conflict.OccurrenceId));

        var before = await InvitationAsync(meeting.Id);
        var second = meeting.Occurrences[1];
        var moved = second.StartTime.ToDateTimeOffset().AddDays(1);
        meeting = await fixture.Client.MoveOccurrenceAsync(new V1.MoveOccurrenceRequest
        {
            MeetingId = meeting.Id, OccurrenceId = second.Id, StartTime = Timestamp.FromDateTimeOffset(moved), EndTime = Timestamp.FromDateTimeOffset(moved.AddHours(1)),
            Reason = "Fort Worth city council session", Etag = meeting.Etag,
        }, fixture.Officer());
        meeting = await fixture.Client.CancelOccurrenceAsync(new V1.CancelOccurrenceRequest { MeetingId = meeting.Id, OccurrenceId = third.Id, Reason = "Idul Fitri" }, fixture.Officer());
        await RpcAssert.FailsWith(StatusCode.Aborted, async () =>
            await fixture.Client.CancelOccurrenceAsync(new V1.CancelOccurrenceRequest { MeetingId = meeting.Id, OccurrenceId = meeting.Occurrences[4].Id, Reason = "stale", Etag = before.Etag }, fixture.Officer()));

        Assert.Equal(V1.OccurrenceStatus.Moved, meeting.Occurrences.Single(o => o.Id == second.Id).Status);
        Assert.Equal(moved, meeting.Occurrences.Single(o => o.Id == second.Id).StartTime.ToDateTimeOffset());
        Assert.Equal(V1.OccurrenceStatus.OccurrenceCancelled, meeting.Occurrences.Single(o => o.Id == third.Id).Status);
        var after = await InvitationAsync(meeting.Id);
        var master = after.Calendar.Events.Single(e => e.RecurrenceIdentifier is null);
        Assert.Equal(before.Calendar.Events.Single(e => e.RecurrenceIdentifier is null).Uid, master.Uid);
        Assert.True(master.Sequence > before.Calendar.Events.Single(e => e.RecurrenceIdentifier is null).Sequence);
        Assert.Contains(master.ExceptionDates.GetAllDates(), d => d.AsUtc == third.StartTime.ToDateTime());
        var change = after.Calendar.Events.Single(e => e.RecurrenceIdentifier is not null);
        Assert.Equal((master.Uid, moved.UtcDateTime), (change.Uid, change.Start!.AsUtc));

        Assert.Equal(["MeetingScheduled", "MeetingRescheduled", "MeetingCancelled"], await fixture.EventsAboutAsync(meeting.Id));
    }

    [Fact]
    public async Task The_time_finder_says_why_nine_to_five_never_meets_and_skips_an_American_holiday()
    {
        var earliest = new DateTimeOffset(NextYear, 7, 5, 0, 0, 0, TimeSpan.Zero);
        while (earliest.DayOfWeek != DayOfWeek.Monday)
        {
            earliest = earliest.AddDays(1);
        }
        var none = await fixture.Client.FindMeetingTimesAsync(Find(earliest, null), fixture.Officer());
        Assert.Empty(none.Slots);
        Assert.Contains(none.Reasons, r => r.Contains("never overlap", StringComparison.Ordinal) && r.Contains("America/Chicago", StringComparison.Ordinal));

        var holiday = new V1.Holiday { CountryCode = "US", Date = new Google.Type.Date { Year = earliest.Year, Month = earliest.Month, Day = earliest.Day }, Name = "Independence Day (observed)" };
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.CreateHolidayAsync(new V1.CreateHolidayRequest { Holiday = holiday }, fixture.Officer()));
        var declared = await fixture.Client.CreateHolidayAsync(new V1.CreateHolidayRequest { Holiday = holiday, RequestId = $"us-{Guid.NewGuid():N}" }, fixture.Bearer("ministry-reviewer", ministry: "kemlu"));
        try
        {
            var wide = await fixture.Client.FindMeetingTimesAsync(Find(earliest, new V1.WorkingHours { Start = "07:00", End = "21:00" }), fixture.Officer());
            // 07:00–21:00 in both cities overlaps twice a day in July: 12:00–14:00 and 00:00–02:00 UTC. The Monday is Fort Worth's holiday.
            // One proposal per common window, its earliest start. The evening window (07:00 WIB is 19:00 CDT the day
            // before) opens on Tuesday in Bandung: on Monday it would be Fort Worth's holiday evening.
            Assert.Equal([earliest.AddDays(1).AddHours(12), earliest.AddDays(2), earliest.AddDays(2).AddHours(12)], wide.Slots.Select(s => s.StartTime.ToDateTimeOffset()));
            Assert.Equal(["Asia/Jakarta", "America/Chicago"], wide.Slots[0].LocalStarts.Select(l => l.TimeZone));
            Assert.Equal(("WIB", "CDT"), (wide.Slots[0].LocalStarts[0].Abbreviation, wide.Slots[0].LocalStarts[1].Abbreviation));
        }
        finally
        {
            await fixture.Client.DeleteHolidayAsync(new V1.DeleteHolidayRequest { Id = declared.Id }, fixture.Bearer("ministry-reviewer", ministry: "kemlu"));
        }
        var monday = await fixture.Client.FindMeetingTimesAsync(Find(earliest, new V1.WorkingHours { Start = "07:00", End = "21:00" }), fixture.Officer());
        Assert.Equal(earliest.AddHours(12), monday.Slots[0].StartTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task After_the_meeting_attendance_and_minutes_confirmed_by_both_sides_and_the_partner_closes_its_action_item()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(10).AddHours(13), TimeSpan.Zero);
        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = Meeting("Youth exchange review", start, TimeSpan.FromHours(1), "dewi.yx@bandung.go.id", "lee.yx@fortworthtexas.gov") }, fixture.Officer());
        var occurrence = meeting.Occurrences.Single().Id;
        var ids = meeting.Participants.ToDictionary(p => p.Side, p => p.Id);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.Client.RecordAttendanceAsync(new V1.RecordAttendanceRequest { MeetingId = meeting.Id, OccurrenceId = occurrence, ParticipantIds = { ids.Values } }, fixture.Officer()));
        try
        {
            fixture.Clock.MoveTo(start.AddMinutes(70));
            meeting = await fixture.Client.RecordAttendanceAsync(new V1.RecordAttendanceRequest { MeetingId = meeting.Id, OccurrenceId = occurrence, ParticipantIds = { ids.Values }, GuestsForeign = 2 }, fixture.Officer());
            Assert.Equal((1, 3), (meeting.Occurrences.Single().AttendedIndonesian, meeting.Occurrences.Single().AttendedForeign));

            var minutes = new V1.Minutes { OccurrenceId = occurrence, Text = Text(("id", "Kedua pihak menyepakati jadwal pertukaran pemuda."), ("en", "Both sides agreed the youth exchange schedule.")) };
            minutes.Decisions.Add(Text(("id", "Delegasi berangkat Juli"), ("en", "The delegation travels in July")));
            meeting = await fixture.Client.SubmitMinutesAsync(new V1.SubmitMinutesRequest { MeetingId = meeting.Id, Minutes = minutes }, fixture.Officer());
            var draft = meeting.Minutes.Single();
            Assert.Empty((await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = meeting.Id })).Minutes);

            meeting = await fixture.Client.ConfirmMinutesAsync(new V1.ConfirmMinutesRequest { MeetingId = meeting.Id, MinutesId = draft.Id }, fixture.Officer());
            Assert.False(meeting.Minutes.Single().Final);
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
                await fixture.Client.ConfirmMinutesAsync(new V1.ConfirmMinutesRequest { MeetingId = meeting.Id, MinutesId = draft.Id }, fixture.Partner("gn-1838524")));
            meeting = await fixture.Client.ConfirmMinutesAsync(new V1.ConfirmMinutesRequest { MeetingId = meeting.Id, MinutesId = draft.Id }, fixture.Partner());
            Assert.True(meeting.Minutes.Single().Final);
            Assert.Equal([V1.Side.Indonesian, V1.Side.Foreign], meeting.Minutes.Single().Confirmations.Select(c => c.Side));
            await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
                await fixture.Client.SubmitMinutesAsync(new V1.SubmitMinutesRequest { MeetingId = meeting.Id, Minutes = minutes }, fixture.Officer()));
            var published = await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = meeting.Id });
            Assert.True(published.Minutes.Single().Final);

            var due = DateOnly.FromDateTime(start.UtcDateTime).AddDays(14);
            meeting = await fixture.Client.AddActionItemAsync(new V1.AddActionItemRequest
            {
                MeetingId = meeting.Id,
                ActionItem = new V1.ActionItem { Title = "Send the host families' list", OwnerParticipantId = ids[V1.Side.Foreign], DueDate = new Google.Type.Date { Year = due.Year, Month = due.Month, Day = due.Day }, Decision = 1 },
            }, fixture.Officer());
            var item = meeting.ActionItems.Single();
            Assert.Equal((V1.Side.Foreign, V1.ActionItemStatus.Open), (item.OwnerSide, item.Status));
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
                await fixture.Client.UpdateActionItemAsync(new V1.UpdateActionItemRequest { MeetingId = meeting.Id, ActionItemId = item.Id, DueDate = new Google.Type.Date { Year = due.Year + 1, Month = 1, Day = 1 } }, fixture.Partner()));
            meeting = await fixture.Client.UpdateActionItemAsync(new V1.UpdateActionItemRequest { MeetingId = meeting.Id, ActionItemId = item.Id, Status = V1.ActionItemStatus.Done }, fixture.Partner());
            Assert.Equal(V1.ActionItemStatus.Done, meeting.ActionItems.Single().Status);
        }
        finally
        {
            fixture.Clock.Shift = TimeSpan.Zero;
        }
        Assert.Equal(["MeetingScheduled", "MeetingHeld", "MinutesConfirmed", "ActionItemCreated", "ActionItemCompleted"], await fixture.EventsAboutAsync(meeting.Id));
    }

    [Fact]
    public async Task Rejected_input_says_which_fields_are_wrong_and_changes_nothing_and_another_region_cannot_touch_the_meeting()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(20).AddHours(13), TimeSpan.Zero);
        var bad = Meeting("Broken", start, TimeSpan.FromHours(1), "x@bandung.go.id", "y@fortworthtexas.gov");
        bad.EndTime = Timestamp.FromDateTimeOffset(start.AddHours(-1));
        bad.Recurrence = "FREQ=SOMETIMES";
        bad.Participants[1].CityId = "gn-1838524";
        var (meetings, outbox) = (await fixture.WithDbAsync(db => db.Meetings.CountAsync()), await fixture.OutboxCountAsync());

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = bad }, fixture.Officer()));
        var fields = RpcAssert.ViolatedFields(status);
        Assert.Contains("meeting.recurrence", fields);

        bad.Recurrence = string.Empty;
        status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = bad }, fixture.Officer()));
        fields = RpcAssert.ViolatedFields(status);
        Assert.Contains("meeting.end_time", fields);
        Assert.Contains("meeting.participants[1].city_id", fields);
        Assert.Equal((meetings, outbox), (await fixture.WithDbAsync(db => db.Meetings.CountAsync()), await fixture.OutboxCountAsync()));

        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = Meeting("Sister-city anniversary", start, TimeSpan.FromHours(1), "x@bandung.go.id", "y@fortworthtexas.gov") }, fixture.Officer());
        var surabaya = fixture.Officer("35.78");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.UpdateMeetingAsync(new V1.UpdateMeetingRequest { Id = meeting.Id, Meeting = new V1.Meeting { Title = "Hijacked" }, UpdateMask = new FieldMask { Paths = { "title" } } }, surabaya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.CancelMeetingAsync(new V1.CancelMeetingRequest { Id = meeting.Id, Reason = "no" }, surabaya));
        // The foreign partner takes part but does not organise.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.RescheduleMeetingAsync(new V1.RescheduleMeetingRequest { Id = meeting.Id, StartTime = bad.StartTime, EndTime = Timestamp.FromDateTimeOffset(start.AddHours(2)) }, fixture.Partner()));
        var now = await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = meeting.Id }, fixture.Officer());
        Assert.Equal(("Sister-city anniversary", V1.MeetingStatus.Scheduled, meeting.Etag), (now.Title, now.Status, now.Etag));
    }

    [Fact]
    public async Task The_public_sees_that_a_meeting_takes_place_but_not_who_attends_or_the_room_link()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(13), TimeSpan.Zero);
        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = Meeting("Culture festival planning", start, TimeSpan.FromHours(1), "ayu.cf@bandung.go.id", "kim.cf@fortworthtexas.gov") }, fixture.Officer());

        var anonymous = await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = meeting.Id });
        Assert.Equal(("Culture festival planning", 1, 1), (anonymous.Title, anonymous.ParticipantsIndonesian, anonymous.ParticipantsForeign));
        Assert.Empty(anonymous.Participants);
        Assert.Equal((string.Empty, string.Empty), (anonymous.VideoUrl, anonymous.CreatedBy));
        Assert.Contains(anonymous.LocalTimes, l => l.TimeZone == "America/Chicago");
        var partner = await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = meeting.Id }, fixture.Partner());
        Assert.Equal(2, partner.Participants.Count);
        Assert.Equal(meeting.VideoUrl, partner.VideoUrl);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.GetMeetingHistoryAsync(new V1.GetMeetingHistoryRequest { Id = meeting.Id }));
        using var ics = await fixture.Rest.GetAsync($"/api/v1/meetings/{meeting.Id}/invitation");
        Assert.False(ics.IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_room_shows_who_is_present_to_the_parties_and_only_counts_to_the_public_and_a_silent_participant_drops_out()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40).AddHours(13), TimeSpan.Zero);
        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = Meeting("Sister-school call", start, TimeSpan.FromHours(1), "tono.ss@bandung.go.id", "ann.ss@fortworthtexas.gov") }, fixture.Officer());
        var ids = meeting.Participants.ToDictionary(p => p.Side, p => p.Id);

        await fixture.Client.JoinRoomAsync(new V1.JoinRoomRequest { MeetingId = meeting.Id, ParticipantId = ids[V1.Side.Indonesian] }, fixture.Officer());
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.JoinRoomAsync(new V1.JoinRoomRequest { MeetingId = meeting.Id, ParticipantId = ids[V1.Side.Indonesian] }, fixture.Partner()));
        var room = await fixture.Client.JoinRoomAsync(new V1.JoinRoomRequest { MeetingId = meeting.Id, ParticipantId = ids[V1.Side.Foreign] }, fixture.Partner());
        Assert.Equal(["Ann", "Tono"], room.Present.Select(p => p.Name.Split(' ')[0]).Order());

        var outside = await fixture.Client.GetRoomPresenceAsync(new V1.GetRoomPresenceRequest { MeetingId = meeting.Id });
        Assert.Equal(2, outside.Present.Count);
        Assert.All(outside.Present, p => Assert.Equal((string.Empty, string.Empty), (p.Name, p.ParticipantId)));

        room = await fixture.Client.LeaveRoomAsync(new V1.LeaveRoomRequest { MeetingId = meeting.Id, ParticipantId = ids[V1.Side.Foreign] }, fixture.Partner());
        Assert.Equal([V1.Side.Indonesian], room.Present.Select(p => p.Side));
        try
        {
            fixture.Clock.Shift = TimeSpan.FromSeconds(room.LifetimeSeconds + 1);
            Assert.Empty((await fixture.Client.GetRoomPresenceAsync(new V1.GetRoomPresenceRequest { MeetingId = meeting.Id }, fixture.Officer())).Present);
        }
        finally
        {
            fixture.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Reminders_and_overdue_notices_are_announced_once_even_when_two_passes_run_at_once()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(50).AddHours(13), TimeSpan.Zero);
        var meeting = await fixture.Client.CreateMeetingAsync(new V1.CreateMeetingRequest { Meeting = Meeting("Trade mission briefing", start, TimeSpan.FromHours(1), "joko.tm@bandung.go.id", "pat.tm@fortworthtexas.gov") }, fixture.Officer());
        var due = DateOnly.FromDateTime(start.UtcDateTime).AddDays(3);
        await fixture.Client.AddActionItemAsync(new V1.AddActionItemRequest
        {
            MeetingId = meeting.Id,
            ActionItem = new V1.ActionItem { Title = "Share the exporters' list", OwnerParticipantId = meeting.Participants[0].Id, DueDate = new Google.Type.Date { Year = due.Year, Month = due.Month, Day = due.Day } },
        }, fixture.Officer());
        var job = fixture.Services.GetRequiredService<MeetingCalendarJob>();
        try
        {
            fixture.Clock.MoveTo(start.AddHours(-23));
            await Task.WhenAll(job.RunUnlockedAsync(CancellationToken.None), job.RunUnlockedAsync(CancellationToken.None));
            Assert.Single(await fixture.EventsAboutAsync(meeting.Id), "MeetingReminderDue");
            fixture.Clock.MoveTo(start.AddMinutes(-30));
            await job.RunUnlockedAsync(CancellationToken.None);
            await job.RunUnlockedAsync(CancellationToken.None);
            fixture.Clock.MoveTo(start.AddDays(5));
            await Task.WhenAll(job.RunUnlockedAsync(CancellationToken.None), job.RunUnlockedAsync(CancellationToken.None));
            await job.RunUnlockedAsync(CancellationToken.None);
        }
        finally
        {
            fixture.Clock.Shift = TimeSpan.Zero;
        }
        Assert.Equal(["MeetingScheduled", "ActionItemCreated", "MeetingReminderDue", "MeetingReminderDue", "ActionItemOverdue"], await fixture.EventsAboutAsync(meeting.Id));
        var leads = await fixture.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.RemindersSent).SingleAsync());
        Assert.Equal(2, leads.Count);
    }

    private V1.Meeting Meeting(string title, DateTimeOffset start, TimeSpan length, string indonesianEmail, string foreignEmail)
    {
        var meeting = new V1.Meeting
        {
            AgreementId = fixture.BandungFortWorth, Title = title, Purpose = "Kota Bandung–Fort Worth working group", Mode = V1.MeetingMode.Virtual, TimeZone = "Asia/Jakarta",
            StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start + length),
        };
        meeting.Agenda.Add(new V1.AgendaItem { Title = Text(("id", "Pembukaan"), ("en", "Opening")), DurationMinutes = 10 });
        meeting.Interpretation.Add(new V1.InterpretationNeed { SourceLanguage = "id", TargetLanguage = "en", Mode = V1.InterpretationMode.Consecutive });
        meeting.Participants.Add(new V1.MeetingParticipant { Name = $"{Capital(indonesianEmail)} Wulandari", Email = indonesianEmail, CityId = MeetingsFixture.Bandung, Position = "Bagian Kerja Sama" });
        meeting.Participants.Add(new V1.MeetingParticipant { Name = $"{Capital(foreignEmail)} Carter", Email = foreignEmail, CityId = MeetingsFixture.FortWorth, Position = "International Office" });
        return meeting;
    }

    private static string Capital(string email) => char.ToUpperInvariant(email[0]) + email[1..email.IndexOf('.', StringComparison.Ordinal)];

    private static V1.LocalizedText Text(params (string Language, string Text)[] texts)
    {
        var text = new V1.LocalizedText();
        foreach (var (language, value) in texts)
        {
            text.Texts[language] = value;
        }
        return text;
    }

    private static DateTimeOffset SecondTuesdayOfJanuary(int year)
    {
        var day = new DateTime(year, 1, 8, 12, 0, 0, DateTimeKind.Utc);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }
        // 12:00 UTC is 19:00 in Bandung and 06:00 in Fort Worth in winter.
        return new DateTimeOffset(day);
    }

    private static V1.FindMeetingTimesRequest Find(DateTimeOffset earliest, V1.WorkingHours? hours)
    {
        var request = new V1.FindMeetingTimesRequest { DurationMinutes = 60, Earliest = Timestamp.FromDateTimeOffset(earliest), HorizonDays = 3, MaxSlots = 20, StepMinutes = 30, WorkingHours = hours };
        request.Participants.Add(new V1.SlotParticipant { CityId = MeetingsFixture.Bandung });
        request.Participants.Add(new V1.SlotParticipant { CityId = MeetingsFixture.FortWorth });
        return request;
    }

    private async Task<(Calendar Calendar, string Etag)> InvitationAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/meetings/{id}/invitation");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token("regional-officer", MeetingsFixture.Region));
        using var response = await fixture.Rest.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var meeting = await fixture.Client.GetMeetingAsync(new V1.GetMeetingRequest { Id = id }, fixture.Officer());
        return (Calendar.Load(text)!, meeting.Etag);
    }
}
