using Microsoft.AspNetCore.Http;

namespace Paradiplomacy.Portal.Components.Shared;

/// <summary>The fields of a form just posted (plain HTML names, the API's own field names), so that a refused
/// form comes back filled in as the person left it.</summary>
public sealed class PostedForm(IFormCollection? form)
{
    public static PostedForm Of(HttpContext? context) =>
        new(context is { Request.HasFormContentType: true } && HttpMethods.IsPost(context.Request.Method) ? context.Request.Form : null);

    public bool Posted => form is not null;

    public string Value(string name, string fallback = "") => form?[name].FirstOrDefault() is { } value ? value : fallback;

    public string? Optional(string name) => form?[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;

    public IReadOnlyList<string> Values(string name) => form?[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList() ?? [];

    public bool Checked(string name, string value) => Values(name).Contains(value);

    public int Int(string name, int fallback = 0) => int.TryParse(Value(name), out var n) ? n : fallback;

    /// <summary>A date field (yyyy-MM-dd, as the browser's date input sends it).</summary>
    public DateOnly? Date(string name) => DateOnly.TryParseExact(Value(name), "yyyy-MM-dd", out var d) ? d : null;
}
