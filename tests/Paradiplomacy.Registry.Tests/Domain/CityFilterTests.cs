using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Tests.Domain;

public class CityFilterTests
{
    [Fact]
    public void Parses_terms_joined_by_and()
    {
        var filter = CityFilter.Parse("country = \"jp\" AND level = SUBDIVISION and seeking = true");

        Assert.Equal("JP", filter.CountryCode);
        Assert.Equal(CityLevel.Subdivision, filter.Level);
        Assert.True(filter.Seeking);
    }

    [Fact]
    public void Empty_filter_filters_nothing() => Assert.Equal(CityFilter.None, CityFilter.Parse("  "));

    [Theory]
    [InlineData("colour = \"red\"", "unknown field 'colour'")]
    [InlineData("level = VILLAGE", "unknown level 'VILLAGE'")]
    [InlineData("country = \"JP\" AND country = \"KR\"", "more than once")]
    [InlineData("country \"JP\"", "cannot read")]
    [InlineData("seeking = maybe", "true or false")]
    [InlineData("level = \"sister city\"", "unknown level")]
    public void Rejects_what_it_cannot_read_naming_the_filter_field(string text, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => CityFilter.Parse(text));

        Assert.Equal("filter", Assert.Single(error.Violations).Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
