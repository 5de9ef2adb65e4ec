using Google.Protobuf.Reflection;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Every method of every service's contract, split into reads and writes by the AIP verbs
/// their names start with: the access matrices iterate these, so a new method needs its row.</summary>
public static class ContractMethods
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Count", "Suggest", "Download"];

    private static IEnumerable<MethodDescriptor> All() =>
        new[] { CityRegistry.Descriptor, Contracts.Agreements.V1.Agreements.Descriptor }.SelectMany(s => s.Methods);

    public static IEnumerable<string> Reads() => All().Select(m => m.Name).Where(IsRead);

    public static IEnumerable<string> Writes() => All().Select(m => m.Name).Where(m => !IsRead(m));

    private static bool IsRead(string method) => ReadPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
}
