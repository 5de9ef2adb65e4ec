namespace Paradiplomacy.Agreements.Domain;

/// <summary>Which clearances each kind of agreement needs (Agreements:RequiredClearances:{Kind}),
/// so a change of regulation is a change of configuration. A configured list replaces the default
/// for its kind, it is never added to: the properties start empty (the configuration binder appends
/// to lists that hold values) and <see cref="ApplyDefaults"/> fills what configuration left out.</summary>
public sealed class ClearancePolicy
{
    /// <summary>PP 28/2018 and Permendagri practice: DPRD approves, Kemendagri clears, Kemlu considers.</summary>
    public static readonly IReadOnlyDictionary<AgreementKind, ClearanceKind[]> DefaultClearances = new Dictionary<AgreementKind, ClearanceKind[]>
    {
        [AgreementKind.SisterCity] = [ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
        [AgreementKind.SisterProvince] = [ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
        [AgreementKind.TechnicalCooperation] = [ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
    };

    public static readonly int[] DefaultExpiryNoticeDays = [180, 90, 30];

    public Dictionary<AgreementKind, List<ClearanceKind>> RequiredClearances { get; set; } = [];

    /// <summary>Days before expiry at which AgreementExpiring is announced.</summary>
    public List<int> ExpiryNoticeDays { get; set; } = [];

    /// <summary>The defaults for whatever configuration did not set.</summary>
    public void ApplyDefaults()
    {
        foreach (var (kind, clearances) in DefaultClearances)
        {
            RequiredClearances.TryAdd(kind, [.. clearances]);
        }
        if (ExpiryNoticeDays.Count == 0)
        {
            ExpiryNoticeDays = [.. DefaultExpiryNoticeDays];
        }
    }

    public IReadOnlyList<ClearanceKind> For(AgreementKind kind) =>
        RequiredClearances.TryGetValue(kind, out var kinds) ? kinds.Distinct().ToList() : [];
}
