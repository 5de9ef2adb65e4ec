using System.Reflection;
using Google.Protobuf.Reflection;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>A contract's enum read into the domain's enum of the same numbers: the unspecified zero and
/// unknown numbers become a field violation that names the values the contract allows.</summary>
public static class ProtoEnums
{
    public static TDomain Enum<TProto, TDomain>(this Violations violations, string field, TProto value, string? allowed = null)
        where TProto : struct, Enum
        where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if (number != 0 && System.Enum.IsDefined(typeof(TDomain), number))
        {
            return (TDomain)System.Enum.ToObject(typeof(TDomain), number);
        }
        violations.Add(field, $"is required: {allowed ?? Names<TProto>()}");
        return default;
    }

    /// <summary>"SISTER_CITY, SISTER_PROVINCE or TECHNICAL_COOPERATION": the contract's names, without the unspecified zero.</summary>
    public static string Names<TProto>() where TProto : struct, Enum
    {
        var names = typeof(TProto).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => Convert.ToInt32(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(f => f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name)
            .ToList();
        return names.Count <= 1 ? string.Join(string.Empty, names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
