namespace Paradiplomacy.Portal.Map;

/// <summary>The Natural Earth projection (Šavrič, Patterson, Jenny 2011), the one Natural Earth's own maps use:
/// a polynomial pseudo-cylindrical projection, scaled here to an SVG box of <see cref="Width"/> pixels wide.</summary>
public static class NaturalEarthProjection
{
    public const double Width = 960;

    private static readonly double XMax = RawX(Math.PI, 0);
    private static readonly double YMax = RawY(Math.PI / 2);

    public static double Scale => Width / (2 * XMax);

    /// <summary>The height of the whole world at <see cref="Width"/> (about 0.52 of the width).</summary>
    public static double Height => 2 * YMax * Scale;

    public static (double X, double Y) Project(double longitude, double latitude)
    {
        var lambda = longitude * Math.PI / 180;
        var phi = Math.Clamp(latitude, -90, 90) * Math.PI / 180;
        return ((RawX(lambda, phi) + XMax) * Scale, (YMax - RawY(phi)) * Scale);
    }

    private static double RawX(double lambda, double phi)
    {
        var p2 = phi * phi;
        var p4 = p2 * p2;
        return lambda * (0.870700 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
    }

    private static double RawY(double phi)
    {
        var p2 = phi * phi;
        var p4 = p2 * p2;
        return phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
    }
}
