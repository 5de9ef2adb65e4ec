using System.Text.RegularExpressions;
using Paradiplomacy.Contracts;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Domain;

/// <summary>What a profile may contain: controlled traits and fields, ISO codes, bounded sizes.</summary>
public static partial class ProfileRules
{
    public const int MaxListItems = 20;
    public const int MaxShortText = 200;
    public const int MaxLongText = 4000;

    public static void Validate(CityProfile profile, Violations violations, Func<string, bool> countryExists)
    {
        CheckList(violations, "profile.traits", profile.Traits, t => CityTraits.All.Contains(t),
            $"unknown trait; use one of: {string.Join(", ", CityTraits.All.Order())}");
        CheckList(violations, "profile.priority_fields", profile.PriorityFields, CooperationFields.IsKnown,
            $"unknown field of cooperation; use one of: {string.Join(", ", CooperationFields.All.Order())}");
        CheckList(violations, "profile.languages", profile.Languages, l => LanguageCode().IsMatch(l),
            "must be an ISO 639-1 code such as \"id\" or \"en\"");
        CheckList(violations, "profile.seeking.fields", profile.Seeking.Fields, CooperationFields.IsKnown,
            "unknown field of cooperation");
        CheckList(violations, "profile.seeking.preferred_countries", profile.Seeking.PreferredCountries, countryExists,
            "must be an ISO 3166-1 alpha-2 country code such as \"JP\"");
        violations
            .MaxLength("profile.coordinator.name", profile.Coordinator.Name, MaxShortText)
            .MaxLength("profile.coordinator.title", profile.Coordinator.Title, MaxShortText)
            .MaxLength("profile.coordinator.email", profile.Coordinator.Email, MaxShortText)
            .MaxLength("profile.coordinator.phone", profile.Coordinator.Phone, 40)
            .MaxLength("profile.seeking.description", profile.Seeking.Description, MaxLongText)
            .MaxLength("profile.summary", profile.Summary, MaxLongText);
        if (!string.IsNullOrEmpty(profile.Coordinator.Email) && !Email().IsMatch(profile.Coordinator.Email))
        {
            violations.Add("profile.coordinator.email", "is not an e-mail address");
        }
        if (!string.IsNullOrEmpty(profile.Coordinator.Phone) && !Phone().IsMatch(profile.Coordinator.Phone))
        {
            violations.Add("profile.coordinator.phone", "must be a phone number such as +62 31 5312144");
        }
        if (profile.Seeking.Active && profile.Seeking.Fields.Count == 0)
        {
            violations.Add("profile.seeking.fields", "say which fields you seek a partner for");
        }
    }

    private static void CheckList(Violations violations, string field, List<string> values, Func<string, bool> isValid, string message)
    {
        if (values.Count > MaxListItems)
        {
            violations.Add(field, $"at most {MaxListItems} items (got {values.Count})");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!isValid(values[i]))
            {
                violations.Add($"{field}[{i}]", $"'{Truncate(values[i])}' is not accepted: {message}");
            }
        }
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{5,40}$")]
    private static partial Regex Phone();
}
