using System.Reflection;
using Google.Protobuf.Reflection;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>Every method of every service's contract (every gRPC service the contracts assembly
/// defines), split into reads and writes by the AIP verbs their names start with: the access matrices
/// iterate these, so a new method, or a new service's methods, need their rows.</summary>
public static class ContractMethods
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Count", "Suggest", "Download"];

    private static IEnumerable<MethodDescriptor> All() =>
        typeof(CityRegistry).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
            .SelectMany(s => s.Methods);

    public static IEnumerable<string> Reads() => All().Select(m => m.Name).Where(IsRead);

    public static IEnumerable<string> Writes() => All().Select(m => m.Name).Where(m => !IsRead(m));

    private static bool IsRead(string method) => ReadPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
}
