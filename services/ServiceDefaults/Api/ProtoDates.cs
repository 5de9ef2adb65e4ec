using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>google.type.Date to and from DateOnly, for every contract's calendar dates.</summary>
public static class ProtoDates
{
    public static Google.Type.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>A google.type.Date as a DateOnly; null when unset, a violation when impossible.</summary>
    public static DateOnly? ToDateOnly(this Google.Type.Date? date, string field, Violations violations)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }
        try
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }
        catch (ArgumentOutOfRangeException)
        {
            violations.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a date");
            return null;
        }
    }
}
