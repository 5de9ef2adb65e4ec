namespace Paradiplomacy.Programs.Domain;

/// <summary>One line of a program's results framework (IATI: indicator, baseline, target, actuals).</summary>
public sealed class Indicator
{
    /// <summary>What an actual may be broken down by.</summary>
    public static readonly IReadOnlySet<string> Dimensions = new HashSet<string>(StringComparer.Ordinal) { "gender", "side", "role", "age_band" };

    public required string Id { get; init; }
    public required string Name { get; init; }
    public IndicatorLevel Level { get; init; }
    public required string Unit { get; init; }
    public double Baseline { get; init; }
    public double Target { get; init; }
    public List<string> Disaggregations { get; init; } = [];
    public List<string> SdgTargets { get; init; } = [];

    /// <summary>Met when the reported totals reach the target (or fall to it, for a target below the baseline).</summary>
    public bool IsMet(double actualTotal) => Target >= Baseline ? actualTotal >= Target : actualTotal <= Target;

    /// <summary>How far from baseline to target the actuals came, in percent.</summary>
    public double PercentOfTarget(double actualTotal) => PercentOfTarget(Baseline, Target, actualTotal);

    /// <summary>(actual - baseline) / (target - baseline) in percent, one decimal; 0 when the target is the baseline.</summary>
    public static double PercentOfTarget(double baseline, double target, double actual) =>
        target == baseline ? 0 : Math.Round((actual - baseline) / (target - baseline) * 100, 1);
}
