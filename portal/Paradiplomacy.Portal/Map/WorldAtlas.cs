using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Paradiplomacy.Portal.Map;

/// <summary>The countries of world-atlas's Natural Earth 1:110m shapes (data/world-countries.json, embedded), each
/// as an SVG path in the Natural Earth projection, drawn once at start. A national deployment needs no tile server.</summary>
public sealed class WorldAtlas
{
    public WorldAtlas()
    {
        using var stream = typeof(WorldAtlas).Assembly.GetManifestResourceStream("world-countries.json")
            ?? throw new InvalidOperationException("world-countries.json is not embedded in the portal.");
        using var topology = JsonDocument.Parse(stream);
        var root = topology.RootElement;
        var arcs = DecodeArcs(root);
        var countries = new List<Country>();
        foreach (var geometry in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var properties = geometry.GetProperty("properties");
            var name = properties.GetProperty("name").GetString() ?? string.Empty;
            // Antarctica takes a fifth of the map and holds no partner.
            if (name == "Antarctica")
            {
                continue;
            }
            var path = new StringBuilder();
            var type = geometry.GetProperty("type").GetString();
            var polygons = type switch
            {
                "Polygon" => [geometry.GetProperty("arcs")],
                "MultiPolygon" => geometry.GetProperty("arcs").EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    AppendRing(path, ring, arcs);
                }
            }
            countries.Add(new Country(properties.GetProperty("iso2").GetString() ?? string.Empty, name, path.ToString()));
        }
        Countries = countries;
    }

    public IReadOnlyList<Country> Countries { get; }

    public static double Width => NaturalEarthProjection.Width;

    /// <summary>The map's height down to 60° south, where Antarctica was left out.</summary>
    public static double Height => NaturalEarthProjection.Project(0, -60).Y;

    /// <summary>TopoJSON arcs: quantized, each position a delta from the one before.</summary>
    private static List<(double Lon, double Lat)[]> DecodeArcs(JsonElement root)
    {
        var transform = root.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        double sx = scale[0].GetDouble(), sy = scale[1].GetDouble(), tx = translate[0].GetDouble(), ty = translate[1].GetDouble();
        var arcs = new List<(double, double)[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new (double, double)[arc.GetArrayLength()];
            long x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[i++] = (x * sx + tx, y * sy + ty);
            }
            arcs.Add(points);
        }
        return arcs;
    }

    private static void AppendRing(StringBuilder path, JsonElement ring, List<(double Lon, double Lat)[]> arcs)
    {
        var first = true;
        double? previous = null;
        foreach (var index in ring.EnumerateArray().Select(a => a.GetInt32()))
        {
            // A negative index is the one's complement of an arc walked backwards.
            var arc = index >= 0 ? arcs[index] : arcs[~index].Reverse().ToArray();
            for (var i = first ? 0 : 1; i < arc.Length; i++)
            {
                var (x, y) = NaturalEarthProjection.Project(arc[i].Lon, arc[i].Lat);
                // Shapes that cross the antimeridian (Fiji, Russia) jump from one edge to the other: lift the pen.
                var jump = previous is { } lon && Math.Abs(arc[i].Lon - lon) > 180;
                previous = arc[i].Lon;
                path.Append((first && i == 0) || jump ? 'M' : 'L')
                    .Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                    .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            }
            first = false;
        }
        path.Append('Z');
    }

    public sealed record Country(string Iso2, string Name, string Path);
}
