using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Paradiplomacy.Gateway.Docs;

/// <summary>A contract method's REST face as its google.api.http annotation declares it: the verb
/// and the path template. The OpenAPI document is written from these, and the gateway names the
/// REST calls it counts by them.</summary>
public sealed record HttpBinding(MethodDescriptor Method, HttpRule Rule, string Verb, string Template)
{
    public static IEnumerable<HttpBinding> Of(IEnumerable<ServiceDescriptor> services)
    {
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            var (verb, template) = rule?.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("get", rule.Get),
                HttpRule.PatternOneofCase.Post => ("post", rule.Post),
                HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
                HttpRule.PatternOneofCase.Put => ("put", rule.Put),
                HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
                _ => (null, null),
            };
            if (rule is not null && verb is not null)
            {
                yield return new HttpBinding(method, rule, verb, template!);
            }
        }
    }

    /// <summary>The template as a pattern over request paths: a variable is one path segment (it
    /// stops at '/' and at the ':' of a custom verb).</summary>
    public Regex PathPattern { get; } = new(
        "^" + string.Concat(Regex.Split(Template, @"(\{[a-z_]+\})").Select(part => part.StartsWith('{') ? "[^/:]+" : Regex.Escape(part))) + "$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);
}
