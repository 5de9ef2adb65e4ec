using System.Globalization;
using System.Text.RegularExpressions;
using Paradiplomacy.Portal.Map;

namespace Paradiplomacy.Portal.Tests.Units;

public partial class WorldAtlasTests
{
    private static readonly WorldAtlas Atlas = new();

    [Fact]
    public void The_atlas_holds_Natural_Earths_countries_with_their_ISO_codes_inside_the_map()
    {
        Assert.InRange(Atlas.Countries.Count, 170, 180);
        Assert.Superset(new HashSet<string> { "ID", "JP", "KR", "GB", "US", "AU", "FJ", "RU" }, Atlas.Countries.Select(c => c.Iso2).ToHashSet());
        Assert.DoesNotContain(Atlas.Countries, c => c.Name == "Antarctica");
        foreach (var country in Atlas.Countries)
        {
            foreach (Match point in Point().Matches(country.Path))
            {
                var x = double.Parse(point.Groups[1].Value, CultureInfo.InvariantCulture);
                var y = double.Parse(point.Groups[2].Value, CultureInfo.InvariantCulture);
                Assert.True(x is >= 0 and <= 960 && y >= 0 && y <= WorldAtlas.Height + 1, $"{country.Name}: ({x}, {y}) is off the map");
            }
        }
    }

    [Fact]
    public void A_shape_across_the_antimeridian_lifts_the_pen_instead_of_drawing_across_the_world()
    {
        var fiji = Atlas.Countries.Single(c => c.Iso2 == "FJ");
        var points = Point().Matches(fiji.Path).Select(m => (Command: fiji.Path[m.Index - 1], X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToList();
        for (var i = 1; i < points.Count; i++)
        {
            Assert.False(points[i].Command == 'L' && Math.Abs(points[i].X - points[i - 1].X) > 480, "a line across the whole map");
        }
    }

    [Fact]
    public void The_projection_puts_Jakarta_in_the_east_below_the_equator_and_is_symmetric()
    {
        var (x, y) = NaturalEarthProjection.Project(106.85, -6.2);
        var (cx, cy) = NaturalEarthProjection.Project(0, 0);
        Assert.Equal(480, cx, 3);
        Assert.True(x > 760 && x < 800 && y > cy, $"Jakarta at ({x}, {y})");
        var (wx, wy) = NaturalEarthProjection.Project(-106.85, 6.2);
        Assert.Equal(960 - x, wx, 6);
        Assert.Equal(2 * cy - y, wy, 6);
    }

    [GeneratedRegex(@"(?<=[ML])(-?[\d.]+),(-?[\d.]+)")]
    private static partial Regex Point();
}
