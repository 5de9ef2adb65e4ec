namespace Paradiplomacy.Agreements.Domain;

/// <summary>Which clearances each kind of agreement needs (Agreements:RequiredClearances:{Kind}),
/// so a change of regulation is a change of configuration.</summary>
public sealed class ClearancePolicy
{
    public Dictionary<AgreementKind, List<ClearanceKind>> RequiredClearances { get; set; } = new()
    {
        [AgreementKind.SisterCity] = [ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
        [AgreementKind.SisterProvince] = [ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
        [AgreementKind.TechnicalCooperation] = [ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration],
    };

    /// <summary>Days before expiry at which AgreementExpiring is announced.</summary>
    public List<int> ExpiryNoticeDays { get; set; } = [180, 90, 30];

    public IReadOnlyList<ClearanceKind> For(AgreementKind kind) =>
        RequiredClearances.TryGetValue(kind, out var kinds) ? kinds.Distinct().ToList() : [];
}
