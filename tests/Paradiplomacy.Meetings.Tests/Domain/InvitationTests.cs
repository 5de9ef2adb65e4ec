using Ical.Net;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.Meetings.Queries;
using static Paradiplomacy.Meetings.Tests.Domain.TestMeetings;

namespace Paradiplomacy.Meetings.Tests.Domain;

public class InvitationTests
{
    [Fact]
    public void The_invitation_read_back_by_Ical_Net_gives_the_series_with_its_moved_and_cancelled_occurrences_under_one_UID()
    {
        var meeting = Scheduled(Monthly(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero), "FREQ=MONTHLY;BYDAY=2TU;COUNT=4"));
        var first = Calendar.Load(InvitationCalendar.Invitation(meeting, meeting.Participants))!;
        var april = meeting.Occurrences[1];
        meeting.MoveOccurrence(april.Key, april.StartsAt.AddHours(2), april.EndsAt.AddHours(2), "Clash with Musrenbang", Officer(), Now);
        meeting.CancelOccurrence(meeting.Occurrences[2].Key, "Idul Adha", Officer(), Now);

        var updated = Calendar.Load(InvitationCalendar.Invitation(meeting, meeting.Participants))!;

        Assert.Equal("REQUEST", updated.Method);
        Assert.Equal(first.Events.Single().Uid, updated.Events.Select(e => e.Uid).Distinct().Single());
        Assert.Equal(0, first.Events.Single().Sequence);
        Assert.All(updated.Events, e => Assert.Equal(2, e.Sequence));
        var master = updated.Events.Single(e => e.RecurrenceIdentifier is null);
        Assert.Equal(["mailto:rina@bandung.go.id", "mailto:jake@fortworthtexas.gov"], master.Attendees.Select(a => a.Value!.ToString()));
        var starts = updated.GetOccurrences().Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)).Order().Take(10).ToList();
        var expected = meeting.Occurrences.Where(o => o.Status != OccurrenceStatus.Cancelled).Select(o => o.StartsAt).Order().ToList();
        Assert.Equal(expected, starts);
    }

    [Fact]
    public void A_cancelled_meeting_s_invitation_cancels_it_and_one_participant_s_invitation_shows_their_own_time()
    {
        var meeting = Scheduled();
        var jake = meeting.Participants[1];
        var personal = Calendar.Load(InvitationCalendar.Invitation(meeting, [jake]))!;
        Assert.Contains("Your time: Tue 9 Mar 2027 06:00 CST", personal.Events.Single().Description!, StringComparison.Ordinal);
        Assert.Equal("mailto:jake@fortworthtexas.gov", personal.Events.Single().Attendees.Single().Value!.ToString());

        meeting.Cancel("The delegation cannot travel", Officer(), Now);
        var cancelled = Calendar.Load(InvitationCalendar.Invitation(meeting, meeting.Participants))!;

        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
        Assert.Equal(1, cancelled.Events.Single().Sequence);
    }
}
