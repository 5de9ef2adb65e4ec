using System.Globalization;

namespace Paradiplomacy.Bench;

/// <summary>Rows of "figure | baseline | ratio | aim", printed as a Markdown table.</summary>
public sealed class Report
{
    private readonly List<string[]> _rows = [];

    public void Add(string measure, string figure, string baseline, string ratio, string aim)
    {
        _rows.Add([measure, figure, baseline, ratio, aim]);
        // As measured too, so that a later failure does not lose it.
        Console.WriteLine($"measured: {measure}: {figure} | {baseline} | {ratio}");
    }

    public static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Rps(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "/s";

    public static string Cores(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " cores";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Paradiplomacy benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.OSVersion}; load generator on {Environment.ProcessorCount} core(s), system under test on the other");
        Console.WriteLine();
        Console.WriteLine("| measure | figure | baseline (same run) | ratio | aim |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var row in _rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }
}
