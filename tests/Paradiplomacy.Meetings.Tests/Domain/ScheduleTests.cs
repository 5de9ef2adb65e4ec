using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Tests.Domain;

public class ScheduleTests
{
    [Fact]
    public void A_monthly_series_in_Fort_Worth_stays_at_nine_local_while_its_UTC_time_moves_with_daylight_saving()
    {
        // The second Tuesday of February to May 2027, 09:00 in Fort Worth; DST starts on 14 March.
        var schedule = new Schedule(new DateTimeOffset(2027, 2, 9, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), "America/Chicago", "FREQ=MONTHLY;BYDAY=2TU;COUNT=4");

        var violations = new Violations();
        var occurrences = schedule.Expand("recurrence", violations);

        Assert.False(violations.Any);
        Assert.Equal([new DateTimeOffset(2027, 2, 9, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 9, 15, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 4, 13, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 11, 14, 0, 0, TimeSpan.Zero)], occurrences.Select(o => o.Start));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(1), o.End - o.Start));
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU", "needs COUNT or UNTIL")]
    [InlineData("FREQ=MINUTELY;COUNT=5", "DAILY, WEEKLY, MONTHLY or YEARLY")]
    [InlineData("FREQ=WEEKLY;COUNT=500", "COUNT must be 1 to 120")]
    [InlineData("every tuesday", "not an RFC 5545 RRULE")]
    public void A_rule_the_platform_does_not_repeat_is_refused_with_the_reason(string rule, string reason)
    {
        var violations = new Violations();

        Assert.Null(Schedule.CheckRule(rule, "meeting.recurrence", violations));
        var error = Assert.Throws<ValidationException>(violations.ThrowIfAny);
        Assert.Contains(reason, error.Violations.Single(v => v.Field == "meeting.recurrence").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_monthly_rule_running_six_years_is_refused_when_expanded()
    {
        var violations = new Violations();
        var rule = Schedule.CheckRule("FREQ=MONTHLY;UNTIL=20330101T000000Z", "recurrence", violations);
        var schedule = new Schedule(new DateTimeOffset(2027, 2, 9, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), "Asia/Jakarta", rule);

        Assert.Empty(schedule.Expand("recurrence", violations));
        Assert.True(violations.Any);
    }
}
