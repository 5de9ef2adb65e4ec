using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>AIP-203: fields the contract marks OUTPUT_ONLY are set by the service. A request that sends
/// one is refused with a field violation naming it, never silently dropped.</summary>
public static class OutputOnly
{
    public static Violations RejectOutputOnly(this Violations violations, IMessage? input, string path)
    {
        if (input is null)
        {
            return violations;
        }
        foreach (var field in input.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(input);
            if (!IsSet(value))
            {
                continue;
            }
            var name = $"{path}.{field.Name}";
            if (field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.OutputOnly) == true)
            {
                violations.Add(name, "is output only: the service sets it; leave it out of the request");
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                var items = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<IMessage>().Select((m, i) => (m, $"{name}[{i}]")) : [((IMessage)value, name)];
                foreach (var (item, itemPath) in items)
                {
                    violations.RejectOutputOnly(item, itemPath);
                }
            }
        }
        return violations;
    }

    private static bool IsSet(object? value) => value switch
    {
        null => false,
        System.Collections.ICollection collection => collection.Count > 0,
        string text => text.Length > 0,
        ByteString bytes => !bytes.IsEmpty,
        bool flag => flag,
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) != 0,
        IMessage => true,
        _ => !Equals(value, Activator.CreateInstance(value.GetType())),
    };
}
