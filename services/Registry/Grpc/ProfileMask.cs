using Google.Protobuf.WellKnownTypes;
using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Grpc;

/// <summary>Applies an update mask (AIP-134) to a profile: named fields are replaced by the
/// request's values, the rest stay as they are. No mask, or "*", replaces the whole profile.</summary>
public static class ProfileMask
{
    public const string FieldName = "update_mask";

    private static readonly string[] Paths =
    [
        "traits", "priority_fields", "languages", "summary",
        "coordinator", "coordinator.name", "coordinator.title", "coordinator.email", "coordinator.phone",
        "seeking", "seeking.active", "seeking.fields", "seeking.description", "seeking.preferred_countries",
    ];

    public static CityProfile Apply(CityProfile current, V1.CityProfile? requested, FieldMask? mask)
    {
        requested ??= new V1.CityProfile();
        var paths = mask is null || mask.Paths.Count == 0 || mask.Paths.Contains("*")
            ? ["traits", "priority_fields", "languages", "summary", "coordinator", "seeking"]
            : mask.Paths.Select(p => p.StartsWith("profile.", StringComparison.Ordinal) ? p["profile.".Length..] : p).ToList();

        var unknown = paths.Where(p => !Paths.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(FieldName, $"unknown path(s) {string.Join(", ", unknown)}; profile fields are {string.Join(", ", Paths)}");
        }

        var next = new CityProfile
        {
            Traits = [.. current.Traits],
            PriorityFields = [.. current.PriorityFields],
            Languages = [.. current.Languages],
            Summary = current.Summary,
            Coordinator = new Contact
            {
                Name = current.Coordinator.Name, Title = current.Coordinator.Title,
                Email = current.Coordinator.Email, Phone = current.Coordinator.Phone,
            },
            Seeking = new PartnerSeeking
            {
                Active = current.Seeking.Active, Fields = [.. current.Seeking.Fields],
                Description = current.Seeking.Description, PreferredCountries = [.. current.Seeking.PreferredCountries],
            },
        };
        var coordinator = requested.Coordinator ?? new V1.Contact();
        var seeking = requested.Seeking ?? new V1.PartnerSeeking();
        foreach (var path in paths)
        {
            switch (path)
            {
                case "traits": next.Traits = Clean(requested.Traits); break;
                case "priority_fields": next.PriorityFields = Clean(requested.PriorityFields); break;
                case "languages": next.Languages = Clean(requested.Languages); break;
                case "summary": next.Summary = Text(requested.Summary); break;
                case "coordinator":
                    next.Coordinator = new Contact
                    {
                        Name = Text(coordinator.Name), Title = Text(coordinator.Title),
                        Email = Text(coordinator.Email), Phone = Text(coordinator.Phone),
                    };
                    break;
                case "coordinator.name": next.Coordinator.Name = Text(coordinator.Name); break;
                case "coordinator.title": next.Coordinator.Title = Text(coordinator.Title); break;
                case "coordinator.email": next.Coordinator.Email = Text(coordinator.Email); break;
                case "coordinator.phone": next.Coordinator.Phone = Text(coordinator.Phone); break;
                case "seeking":
                    next.Seeking = new PartnerSeeking
                    {
                        Active = seeking.Active, Fields = Clean(seeking.Fields), Description = Text(seeking.Description),
                        PreferredCountries = Clean(seeking.PreferredCountries),
                    };
                    break;
                case "seeking.active": next.Seeking.Active = seeking.Active; break;
                case "seeking.fields": next.Seeking.Fields = Clean(seeking.Fields); break;
                case "seeking.description": next.Seeking.Description = Text(seeking.Description); break;
                case "seeking.preferred_countries": next.Seeking.PreferredCountries = Clean(seeking.PreferredCountries); break;
            }
        }
        return next;
    }

    private static List<string> Clean(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? Text(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
