using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Registry.Tests.Domain.TestCities;

namespace Paradiplomacy.Registry.Tests.Domain;

public class CityTests
{
    [Fact]
    public void Officer_of_the_region_updates_its_profile_and_the_version_moves()
    {
        var surabaya = Surabaya();

        var changed = surabaya.UpdateProfile(Profile(["port_city"], ["maritime"]), Officer("35.78"), Now);

        Assert.Equal(["traits", "priority_fields"], changed);
        Assert.Equal("2", surabaya.Etag);
        Assert.True(surabaya.HasProfile);
    }

    [Fact]
    public void Officer_of_another_region_is_denied_and_nothing_changes()
    {
        var jakarta = Jakarta();

        var error = Assert.Throws<PermissionDeniedException>(() =>
            jakarta.UpdateProfile(Profile(["metropolitan"], ["smart_city"]), Officer("35.78"), Now));

        Assert.Contains("DKI JAKARTA", error.Message, StringComparison.Ordinal);
        Assert.Empty(jakarta.Profile.Traits);
        Assert.Equal("1", jakarta.Etag);
    }

    [Fact]
    public void Anonymous_caller_is_denied() =>
        Assert.Throws<PermissionDeniedException>(() => Surabaya().UpdateProfile(Profile(["port_city"], []), Caller.Anonymous, Now));

    [Fact]
    public void A_profile_change_raises_the_event_that_announces_it_with_the_new_etag()
    {
        var surabaya = Surabaya();

        surabaya.UpdateProfile(Profile(["port_city"], ["maritime"]), Officer("35.78"), Now);

        var raised = Assert.IsType<CityProfileUpdated>(Assert.Single(surabaya.PendingEvents));
        Assert.Equal(["traits", "priority_fields"], raised.ChangedFields);
        Assert.Equal("2", raised.Etag);
        Assert.Equal("officer@35.78", raised.UpdatedBy);
    }

    [Fact]
    public void A_refused_change_raises_nothing()
    {
        var jakarta = Jakarta();

        Assert.Throws<PermissionDeniedException>(() => jakarta.UpdateProfile(Profile(["metropolitan"], []), Officer("35.78"), Now));

        Assert.Empty(jakarta.PendingEvents);
    }

    [Fact]
    public void Same_profile_again_changes_nothing_and_keeps_the_version()
    {
        var surabaya = Surabaya();
        surabaya.UpdateProfile(Profile(["port_city"], []), Officer("35.78"), Now);

        var changed = surabaya.UpdateProfile(Profile(["port_city"], []), Officer("35.78"), Now);

        Assert.Empty(changed);
        Assert.Equal("2", surabaya.Etag);
    }

    [Fact]
    public void A_partner_key_bound_to_a_city_abroad_edits_that_city_only()
    {
        Assert.True(Liverpool().CanBeEditedBy(Partner("gn-2644210")));
        Assert.False(Busan().CanBeEditedBy(Partner("gn-2644210")));
        Assert.False(Surabaya().CanBeEditedBy(Partner("gn-2644210")));
    }

    [Fact]
    public void Operators_run_the_platform_and_change_no_regions_records()
    {
        Assert.False(Surabaya().CanBeEditedBy(Operator()));
        Assert.False(Liverpool().CanBeEditedBy(Operator()));
        Assert.Throws<PermissionDeniedException>(() => Surabaya().UpdateProfile(Profile(["port_city"], []), Operator(), Now));
        Assert.Throws<PermissionDeniedException>(() => City.Register("Fuqing", CityLevel.Municipality, "CN", null, null, null, null,
            "Asia/Shanghai", [], Operator(), null, Now));
    }

    [Fact]
    public void Indonesian_regions_cannot_be_registered_by_hand()
    {
        var error = Assert.Throws<ValidationException>(() => City.Register("Kota Baru", CityLevel.Municipality, "ID", null, null, null, null,
            "Asia/Jakarta", [], Officer("35.78"), null, Now));

        Assert.Equal("city.country_code", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_partner_cannot_register_governments()
    {
        Assert.Throws<PermissionDeniedException>(() => City.Register("Fuqing", CityLevel.Municipality, "CN", null, null, null, null,
            "Asia/Shanghai", [], Partner("gn-1"), null, Now));
    }

    [Theory]
    [InlineData(CityLevel.Province, new[] { CityLevel.Subdivision, CityLevel.Municipality })]
    [InlineData(CityLevel.City, new[] { CityLevel.Municipality })]
    [InlineData(CityLevel.Regency, new[] { CityLevel.Municipality })]
    [InlineData(CityLevel.Subdivision, new[] { CityLevel.Province })]
    public void Partners_come_from_a_comparable_level(CityLevel level, CityLevel[] expected)
    {
        var city = City.FromReference("x", level, "X", level is CityLevel.Subdivision ? "JP" : "ID", null, null, null, null, null, null, null, null, [], Now);

        Assert.Equal(expected, city.PartnerLevels());
    }
}
