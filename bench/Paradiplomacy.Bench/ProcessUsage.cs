using System.Collections.Concurrent;
using System.Globalization;

namespace Paradiplomacy.Bench;

/// <summary>CPU and memory of a resource's processes (and their children, such as PostgreSQL's
/// backends), read from /proc. CPU is the share of one core since the previous reading.</summary>
public static class ProcessUsage
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly ConcurrentDictionary<string, (double Ticks, DateTimeOffset At)> Previous = new(StringComparer.Ordinal);

    public static (double? CpuPercent, double? MemoryMiB) Read(string resource, IReadOnlyList<int> pids, bool withChildren = true)
    {
        if (pids.Count == 0)
        {
            return (null, null);
        }
        var all = withChildren ? pids.Concat(pids.SelectMany(Children)).Distinct().ToList() : pids.ToList();
        var ticks = all.Sum(CpuTicks);
        var rssKiB = all.Sum(RssKiB);
        var now = DateTimeOffset.UtcNow;
        double? cpu = null;
        if (Previous.TryGetValue(resource, out var before) && now > before.At && ticks >= before.Ticks)
        {
            cpu = Math.Round((ticks - before.Ticks) / TicksPerSecond / (now - before.At).TotalSeconds * 100, 1);
        }
        Previous[resource] = (ticks, now);
        return (cpu, Math.Round(rssKiB / 1024.0, 1));
    }

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            : [];
    }

    private static double CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long RssKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
