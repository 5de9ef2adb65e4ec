namespace Paradiplomacy.ServiceDefaults.Aggregates;

public static class AuditTrail
{
    public static readonly IReadOnlyDictionary<string, string?> Nothing = new Dictionary<string, string?>();

    /// <summary>The fields whose values differ between two snapshots of one aggregate.</summary>
    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        after.Where(p => before.GetValueOrDefault(p.Key) != p.Value)
            .Select(p => new FieldChange(p.Key, before.GetValueOrDefault(p.Key), p.Value))
            .ToList();
}
