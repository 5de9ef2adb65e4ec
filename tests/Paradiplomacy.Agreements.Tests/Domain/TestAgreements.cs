using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Agreements.Tests.Domain;

internal static class TestAgreements
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly Party Surabaya = new("idn-35.78", "KOTA SURABAYA", "ID", "35.78");
    public static readonly Party Liverpool = new("gn-2644210", "Liverpool", "GB", null);
    public static readonly Party Busan = new("gn-1838524", "Busan", "KR", null);

    public static readonly IReadOnlyList<ClearanceKind> AllClearances =
        [ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration];

    public static Caller Officer(string region) => new($"officer@{region}", new HashSet<string> { Roles.RegionalOfficer }, region, null);

    public static Caller Reviewer(string ministry) => new($"reviewer@{ministry}", new HashSet<string> { Roles.MinistryReviewer }, null, ministry);

    public static Signatory Signer(string name, DateOnly on) => new(name, "Mayor", on, "Surabaya");

    public static Agreement Draft(Caller? caller = null) => Agreement.Draft(AgreementKind.SisterCity, "Surabaya–Liverpool", Surabaya, [Liverpool],
        ["smart_city", "maritime", "creative_economy"], "Port and creative economy exchange", "Annual working visits", 60,
        Contact.Empty, Contact.Empty, caller ?? Officer("35.78"), null, Now);

    public static Agreement Submitted()
    {
        var agreement = Draft();
        agreement.Submit(AllClearances, Officer("35.78"), Now);
        return agreement;
    }

    public static Agreement Cleared()
    {
        var agreement = Submitted();
        agreement.RecordClearance(ClearanceKind.DprdApproval, ClearanceDecision.Approved, Today, "170/DPRD/2026", null, Officer("35.78"), Now);
        agreement.RecordClearance(ClearanceKind.KemendagriClearance, ClearanceDecision.Approved, Today, "KDN-1", null, Reviewer("kemendagri"), Now);
        agreement.RecordClearance(ClearanceKind.KemluConsideration, ClearanceDecision.Approved, Today, "KLU-1", null, Reviewer("kemlu"), Now);
        return agreement;
    }

    public static Agreement Active(DateOnly? effective = null)
    {
        var agreement = Cleared();
        var on = effective ?? Today;
        agreement.Sign(InstrumentType.MemorandumOfUnderstanding, Signer("Eri Cahyadi", on), Signer("Liam Robinson", on), on, Officer("35.78"), Now);
        agreement.ActivateIfDue(Today, "system", Now);
        return agreement;
    }
}
