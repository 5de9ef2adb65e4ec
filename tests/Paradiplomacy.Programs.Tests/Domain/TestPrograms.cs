using Paradiplomacy.ServiceDefaults.Projections;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Programs.Domain;

namespace Paradiplomacy.Programs.Tests.Domain;

/// <summary>Surabaya–Busan, as DOMAIN.md has it: education and economy, exchanges and training.</summary>
internal static class TestPrograms
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static Caller Officer(string region = "35.78") => new($"officer@{region}", new HashSet<string> { Roles.RegionalOfficer }, region, null);

    public static PartnerAgreement SurabayaBusan(string status = "Active", int version = 5, DateOnly? expiresOn = null)
    {
        var agreement = new PartnerAgreement { AgreementId = "agr-surabaya-busan" };
        agreement.Apply(new AgreementActivated("agr-surabaya-busan", version, status, "SisterCity", "idn-35.78", "35.78", ["gn-1838524"], "officer@35.78")
        {
            Title = "Surabaya–Busan", Fields = ["education", "economy"], EffectiveOn = new DateOnly(2025, 1, 1), ExpiresOn = expiresOn ?? new DateOnly(2029, 12, 31),
        });
        return agreement;
    }

    public static ProgramPlan Exchange(DateOnly? start = null, Recurrence recurrence = Recurrence.OneOff) => new(
        ProgramType.StudentExchange, "education", "Surabaya–Busan student exchange", "Twenty students a year study a semester in the other city",
        "Dinas Pendidikan Kota Surabaya", "Busan Metropolitan Office of Education", start ?? new DateOnly(2026, 8, 1),
        (start ?? new DateOnly(2026, 8, 1)).AddMonths(5), DeliveryMode.InPerson, "Busan", recurrence, ["4.b", "17.17"]);

    public static CooperationProgram Planned(ProgramPlan? plan = null, PartnerAgreement? agreement = null) =>
        CooperationProgram.Plan("prg-test", agreement ?? SurabayaBusan(), plan ?? Exchange(), Officer(), null, Now);

    public static CooperationProgram InProgress(ProgramPlan? plan = null)
    {
        var program = Planned(plan);
        program.Approve(Officer(), Now);
        program.Start(Officer(), Now);
        return program;
    }
}
