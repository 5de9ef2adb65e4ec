using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Meetings.Domain;

/// <summary>The hours of a working day in a participant's own zone: 09:00–17:00 unless told otherwise.</summary>
public readonly record struct WorkingHours(LocalTime Start, LocalTime End)
{
    public static readonly WorkingHours Default = new(new LocalTime(9, 0), new LocalTime(17, 0));

    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>"HH:mm" to "HH:mm", start before end; <paramref name="fallback"/> when both are empty.</summary>
    public static WorkingHours Parse(string? start, string? end, WorkingHours fallback, string field, Violations violations)
    {
        if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end))
        {
            return fallback;
        }
        var from = Pattern.Parse(start ?? string.Empty);
        var to = Pattern.Parse(end ?? string.Empty);
        if (!from.Success || !to.Success)
        {
            violations.Add(field, $"'{start}'–'{end}' are not two times of day as HH:mm (09:00–17:00)");
            return fallback;
        }
        if (from.Value >= to.Value)
        {
            violations.Add(field, $"must start before it ends ({start}–{end}); a working day does not cross midnight");
            return fallback;
        }
        return new WorkingHours(from.Value, to.Value);
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
