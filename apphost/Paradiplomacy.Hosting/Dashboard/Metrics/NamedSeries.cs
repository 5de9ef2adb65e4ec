namespace Paradiplomacy.Hosting.Dashboard.Metrics;

/// <summary>One line of a chart: a value per step (null where nothing was reported).</summary>
public sealed record NamedSeries(string Name, IReadOnlyList<double?> Values);
