using Paradiplomacy.Programs.Domain;
using static Paradiplomacy.Programs.Tests.Domain.TestPrograms;

namespace Paradiplomacy.Programs.Tests.Domain;

public class HealthTests
{
    [Fact]
    public void A_partnership_with_no_program_is_paper_only_and_says_since_when()
    {
        var health = PartnershipHealth.Assess(SurabayaBusan(), new PartnershipSignals(0, 0, 0, 0, 0, 0, null), Today);

        Assert.Equal((0, HealthBand.PaperOnly), (health.Score, health.Band));
        Assert.Contains("2025-01-01", health.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_delivered_and_reported_work_is_thriving_and_the_same_work_long_ago_is_dormant()
    {
        var recent = PartnershipHealth.Assess(SurabayaBusan(), new PartnershipSignals(3, 2, 1, 4, 6, 40, Today.AddDays(-10)), Today);
        var stale = PartnershipHealth.Assess(SurabayaBusan(), new PartnershipSignals(3, 2, 1, 0, 6, 40, Today.AddMonths(-20)), Today);

        Assert.Equal(HealthBand.Thriving, recent.Band);
        Assert.True(recent.Score > stale.Score);
        Assert.Equal(20, stale.MonthsSinceLastActivity);
        Assert.Contains(stale.Reasons, r => r.Contains("no result reported", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agreement_close_to_expiry_says_so()
    {
        var health = PartnershipHealth.Assess(SurabayaBusan(expiresOn: Today.AddDays(90)), new PartnershipSignals(1, 1, 0, 1, 1, 2, Today), Today);

        Assert.Contains(health.Reasons, r => r.Contains("in 90 days", StringComparison.Ordinal));
    }
}
