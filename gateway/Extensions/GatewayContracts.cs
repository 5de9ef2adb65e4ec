using System.Reflection;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Paradiplomacy.Gateway.Extensions;

/// <summary>The gRPC contracts of the services the gateway fronts, as Gateway:Services names them
/// (GrpcServices): what it documents (OpenAPI), reflects, and counts in its request metrics. They are
/// found by name among the generated descriptors of the contracts assembly, so adding a service to
/// the gateway is one entry in that list.</summary>
public sealed class GatewayContracts
{
    public const string AssemblyName = "Paradiplomacy.Contracts";

    public GatewayContracts(IEnumerable<string> serviceNames)
    {
        var known = Known();
        var missing = serviceNames.Where(n => !known.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Gateway:Services names gRPC services that no contract defines: {string.Join(", ", missing)}. Known: {string.Join(", ", known.Keys.Order())}.");
        }
        Services = serviceNames.Distinct(StringComparer.Ordinal).Select(n => known[n]).ToList();
    }

    public IReadOnlyList<ServiceDescriptor> Services { get; }

    /// <summary>The contracts of every service in the gateway's configuration.</summary>
    public static GatewayContracts From(IConfiguration configuration) =>
        new(configuration.GetSection("Gateway:Services").GetChildren()
            .SelectMany(s => s.Get<GatewayServiceOptions>()?.GrpcServices ?? []));

    /// <summary>Every gRPC service the contracts assembly defines, by full name: each generated
    /// *Reflection class carries the file descriptor of one .proto.</summary>
    public static IReadOnlyDictionary<string, ServiceDescriptor> Known() =>
        Assembly.Load(new AssemblyName(AssemblyName)).GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
            .ToDictionary(s => s.FullName, StringComparer.Ordinal);
}
