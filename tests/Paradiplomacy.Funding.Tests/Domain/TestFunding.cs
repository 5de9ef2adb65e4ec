using Paradiplomacy.Funding.Domain;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Funding.Tests.Domain;

/// <summary>Jakarta–Rotterdam, as DOMAIN.md has it: flood and waste management, funded by DKI Jakarta's
/// APBD in rupiah and by Rotterdam in euros.</summary>
internal static class TestFunding
{
    public const string Region = "31";
    public const string Rotterdam = "gn-2747891";
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2027, 3, 1);

    /// <summary>Rupiah for one euro on the test's days.</summary>
    public const decimal EuroRate = 17250.35m;

    public static Caller Officer(string region = Region, string subject = "officer") => new($"{subject}@{region}", new HashSet<string> { Roles.RegionalOfficer }, region, null);

    public static Caller Approver(string region = Region, string subject = "bpkad") => new($"{subject}@{region}", new HashSet<string> { Roles.FinanceApprover }, region, null);

    public static FundedProgram Program(string status = "InProgress", int version = 3)
    {
        var program = new FundedProgram { ProgramId = "prg-flood" };
        program.Apply(version, status, "agr-jakarta-rotterdam", Region, "Jakarta–Rotterdam flood management", "environment", [Rotterdam],
            new DateOnly(2027, 1, 15), new DateOnly(2027, 12, 15));
        return program;
    }

    public static readonly FundingSource Apbd = Source("src-apbd-31", SourceKind.RegionalBudget, "APBD DKI Jakarta", null, "IDR");
    public static readonly FundingSource RotterdamCity = Source("src-rotterdam", SourceKind.PartnerGovernment, "Gemeente Rotterdam", Rotterdam, "EUR");
    public static readonly FundingSource Jica = NationalSourceOf("src-jica");

    private static FundingSource Source(string id, SourceKind kind, string name, string? city, string currency) =>
        FundingSource.Add(id, kind, name, Region, city, null, currency, Officer(), null, Now);

    private static FundingSource NationalSourceOf(string id) => Paradiplomacy.Funding.Data.NationalSources.Catalogue.First(s => s.Id == id);

    public static Amount Idr(long rupiah) => Amount.At(new Money(rupiah * 100, "IDR"), ExchangeRate.Par(Today));

    public static Amount Eur(long cents) => Amount.At(new Money(cents, "EUR"), Rate("EUR", EuroRate));

    public static ExchangeRate Rate(string currency, decimal idrPerUnit, DateOnly? on = null) =>
        new() { Currency = currency, Date = on ?? Today, IdrPerUnit = idrPerUnit, Source = "Bank Indonesia JISDOR", RecordedBy = "test" };

    /// <summary>Opened, with an approved budget of travel and venue lines for 2027.</summary>
    public static ProgramFunding Budgeted(FundedProgram? program = null)
    {
        program ??= Program();
        var funding = ProgramFunding.Open(program, Now);
        funding.SetBudget([
            new BudgetLine(BudgetCategory.Travel, 2027, Idr(400_000_000), "Delegation to Rotterdam"),
            new BudgetLine(BudgetCategory.Venue, 2027, Idr(150_000_000), "Workshops in Jakarta"),
            new BudgetLine(BudgetCategory.Equipment, 2027, Eur(2_000_000), "Water-level sensors"),
        ], program, Officer(), Now);
        funding.ApproveBudget(Approver(), Now);
        return funding;
    }

    /// <summary>Budgeted, with APBD's pledge of Rp 500 million of which a first tranche of Rp 200 million is paid.</summary>
    public static ProgramFunding Disbursed(long paidRupiah = 200_000_000)
    {
        var program = Program();
        var funding = Budgeted(program);
        funding.RecordCommitment("cmt-apbd", Apbd, Idr(500_000_000), 2027, Today, false, null, "DPA SKPD 2027", program, Officer(), Now);
        var tranche = funding.PlanTranche("trn-1", Apbd, Idr(paidRupiah), 2027, Today, "First tranche", program, Officer(), Now);
        funding.RequestDisbursement(tranche.Id, program, Officer(), Now);
        funding.ApproveDisbursement(tranche.Id, program, Approver(), Now);
        funding.RecordPaid(tranche.Id, Idr(paidRupiah), Today, program, Approver(subject: "treasury"), Now);
        return funding;
    }
}
