using Paradiplomacy.Registry.Domain;
using static Paradiplomacy.Registry.Tests.Domain.TestCities;

namespace Paradiplomacy.Registry.Tests.Domain;

public class PartnerMatcherTests
{
    [Fact]
    public void Port_cities_with_shared_fields_rank_above_a_city_of_similar_size_alone()
    {
        var surabaya = Surabaya();
        surabaya.UpdateProfile(Profile(["port_city", "industrial"], ["maritime", "smart_city", "creative_economy"]), Officer("35.78"), Now);
        var liverpool = Liverpool();
        liverpool.UpdateProfile(Profile(["port_city"], ["maritime", "creative_economy"], seeking: true), Partner("gn-2644210"), Now);
        var busan = Busan(); // bigger, similar in size, but no profile

        var ranked = PartnerMatcher.Rank(surabaya, [busan, liverpool, Pecs()], 10);

        Assert.Equal("gn-2644210", ranked[0].City.Id);
        Assert.Contains(ranked[0].Reasons, r => r.Contains("port city", StringComparison.Ordinal));
        Assert.Contains(ranked[0].Reasons, r => r.Contains("maritime", StringComparison.Ordinal));
        Assert.Contains(ranked[0].Reasons, r => r.Contains("seeking partners", StringComparison.Ordinal));
        Assert.Equal("gn-1838524", ranked[1].City.Id);
        Assert.Contains(ranked[1].Reasons, r => r.StartsWith("similar size", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_data_shows_of_a_place_counts_like_a_claimed_trait_and_outweighs_size()
    {
        var surabaya = Surabaya();
        surabaya.UpdateProfile(Profile(["port_city"], []), Officer("35.78"), Now);
        var port = City.FromReference("gn-1", CityLevel.Municipality, "Port Town", "GB", null, null, null, 1, 120_000, 0, 0, "Europe/London", [], Now, ["port_city", "coastal"]);
        var twin = City.FromReference("gn-2", CityLevel.Municipality, "Same Size Town", "GB", null, null, null, 2, 2_374_658, 0, 0, "Europe/London", [], Now);

        var ranked = PartnerMatcher.Rank(surabaya, [twin, port], 10);

        Assert.Equal(["gn-1", "gn-2"], ranked.Select(r => r.City.Id));
        Assert.Contains(ranked[0].Reasons, r => r == "both are port city");
    }

    [Fact]
    public void A_place_near_a_neighbours_partner_gets_the_tie_as_a_reason()
    {
        var asking = Surabaya();
        var kyotoCity = City.FromReference("gn-1857910", CityLevel.Municipality, "Kyoto", "JP", "iso-JP-26", null, null, 1857910, 1_459_640, 35, 135.7, "Asia/Tokyo", [], Now);
        var osaka = City.FromReference("gn-1853909", CityLevel.Municipality, "Osaka", "JP", "iso-JP-27", null, null, 1853909, 2_592_413, 34.7, 135.5, "Asia/Tokyo", [], Now);
        var ties = new Dictionary<string, string> { ["iso-JP-26"] = "Kyôto nearby already partners with Daerah Istimewa Yogyakarta" };

        var ranked = PartnerMatcher.Rank(asking, [osaka, kyotoCity], 10, ties);

        Assert.Equal("gn-1857910", ranked[0].City.Id);
        Assert.Contains("Kyôto nearby already partners with Daerah Istimewa Yogyakarta", ranked[0].Reasons);
        Assert.DoesNotContain(ranked.Single(r => r.City.Id == "gn-1853909").Reasons, r => r.Contains("partners with", StringComparison.Ordinal));
    }

    [Fact]
    public void Current_partners_and_the_city_itself_are_left_out()
    {
        var surabaya = Surabaya();
        surabaya.SetCurrentPartners(["gn-1838524"], Now);

        var ranked = PartnerMatcher.Rank(surabaya, [Busan(), surabaya, Liverpool()], 10);

        Assert.DoesNotContain(ranked, s => s.City.Id is "gn-1838524" or "idn-35.78");
    }

    [Fact]
    public void Nothing_in_common_scores_nothing_and_is_not_suggested()
    {
        var surabaya = Surabaya();
        var tiny = City.FromReference("gn-1", CityLevel.Municipality, "Tiny", "FR", null, null, null, 1, 1_200, null, null, null, [], Now);

        Assert.Empty(PartnerMatcher.Rank(surabaya, [tiny], 10));
    }

    [Fact]
    public void A_listing_that_prefers_other_countries_earns_no_seeking_bonus()
    {
        var surabaya = Surabaya();
        var liverpool = Liverpool();
        var profile = Profile([], ["maritime"], seeking: true);
        profile.Seeking.PreferredCountries = ["JP"];
        liverpool.UpdateProfile(profile, Partner("gn-2644210"), Now);

        var score = PartnerMatcher.Score(surabaya, liverpool);

        Assert.DoesNotContain(score.Reasons, r => r.Contains("seeking", StringComparison.Ordinal));
    }
}
