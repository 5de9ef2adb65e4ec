namespace Paradiplomacy.Registry.Domain;

/// <summary>What a region says about itself: traits, priority fields, languages, its coordinator
/// and an optional partner-seeking listing.</summary>
public sealed class CityProfile
{
    public List<string> Traits { get; set; } = [];
    public List<string> PriorityFields { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public Contact Coordinator { get; set; } = new();
    public PartnerSeeking Seeking { get; set; } = new();
    public string? Summary { get; set; }

    public bool IsEmpty => Traits.Count == 0 && PriorityFields.Count == 0 && !Seeking.Active && Seeking.Fields.Count == 0;

    /// <summary>Fields the region names anywhere: its priorities and what it seeks a partner for.</summary>
    public IEnumerable<string> AllFields() => PriorityFields.Concat(Seeking.Fields).Distinct(StringComparer.Ordinal);

    /// <summary>The top-level profile fields that differ from <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangedFieldsSince(CityProfile before)
    {
        var changed = new List<string>();
        if (!before.Traits.SequenceEqual(Traits)) changed.Add("traits");
        if (!before.PriorityFields.SequenceEqual(PriorityFields)) changed.Add("priority_fields");
        if (!before.Languages.SequenceEqual(Languages)) changed.Add("languages");
        if (before.Summary != Summary) changed.Add("summary");
        if (before.Coordinator.Name != Coordinator.Name || before.Coordinator.Title != Coordinator.Title
            || before.Coordinator.Email != Coordinator.Email || before.Coordinator.Phone != Coordinator.Phone)
        {
            changed.Add("coordinator");
        }
        if (before.Seeking.Active != Seeking.Active || before.Seeking.Description != Seeking.Description
            || !before.Seeking.Fields.SequenceEqual(Seeking.Fields)
            || !before.Seeking.PreferredCountries.SequenceEqual(Seeking.PreferredCountries))
        {
            changed.Add("seeking");
        }
        return changed;
    }
}
