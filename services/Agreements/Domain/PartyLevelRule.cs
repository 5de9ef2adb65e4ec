using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Agreements.Domain;

/// <summary>Partnerships join governments of equal standing (Agreements:PartyLevels:{Kind}, each entry
/// "IndonesianLevel:ForeignLevel"): a province with a province, prefecture or state; a kota or
/// kabupaten with a city or municipality. A kind with no entries accepts any levels. A configured
/// list replaces the default for its kind.</summary>
public sealed class PartyLevelRule
{
    public static readonly IReadOnlyDictionary<AgreementKind, string[]> Defaults = new Dictionary<AgreementKind, string[]>
    {
        // DKI Jakarta, a province, partners with capital cities (Tokyo, Seoul, Berlin) as sister cities.
        [AgreementKind.SisterCity] = ["City:Municipality", "Regency:Municipality", "Province:Municipality"],
        [AgreementKind.SisterProvince] = ["Province:Subdivision"],
        [AgreementKind.TechnicalCooperation] = [],
    };

    public Dictionary<AgreementKind, List<string>> PartyLevels { get; set; } = [];

    public static PartyLevelRule Default { get; } = WithDefaults(new PartyLevelRule());

    public static PartyLevelRule WithDefaults(PartyLevelRule rule)
    {
        foreach (var (kind, pairs) in Defaults)
        {
            rule.PartyLevels.TryAdd(kind, [.. pairs]);
        }
        return rule;
    }

    /// <summary>A violation for each foreign party whose level does not match the Indonesian party's for the kind.</summary>
    public void Check(AgreementKind kind, Party indonesian, IReadOnlyList<Party> foreign, Violations violations)
    {
        var allowed = PartyLevels.GetValueOrDefault(kind) ?? [];
        if (allowed.Count == 0 || indonesian.Level is null)
        {
            return;
        }
        for (var i = 0; i < foreign.Count; i++)
        {
            var party = foreign[i];
            if (party.Level is not null && !allowed.Contains($"{indonesian.Level}:{party.Level}", StringComparer.OrdinalIgnoreCase))
            {
                var partners = allowed.Where(p => p.StartsWith($"{indonesian.Level}:", StringComparison.OrdinalIgnoreCase)).Select(p => p.Split(':')[1]).ToList();
                violations.Add($"agreement.foreign_parties[{i}].city_id",
                    $"a {kind} agreement does not join {indonesian.Name} ({indonesian.Level}) with {party.Name} ({party.Level}); " +
                    (partners.Count == 0 ? $"a {indonesian.Level} is not a party to {kind} agreements" : $"a {indonesian.Level} partners with a {string.Join(" or ", partners)}"));
            }
        }
    }
}
