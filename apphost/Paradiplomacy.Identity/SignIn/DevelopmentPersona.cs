using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Identity.SignIn;

/// <summary>People a developer or a browser test signs in as with one click: the offices and reviewers of
/// DOMAIN.md's partnerships. Anyone else is one form away (role, region, ministry).</summary>
public sealed record DevelopmentPersona(string Key, string Label, string Role, string? Region, string? Ministry, string Name)
{
    public static readonly IReadOnlyList<DevelopmentPersona> All =
    [
        new("officer-35.78", "Bagian Kerja Sama, Kota Surabaya", Roles.RegionalOfficer, "35.78", null, "Dewi Lestari"),
        new("officer-33.74", "Bagian Kerja Sama, Kota Semarang", Roles.RegionalOfficer, "33.74", null, "Budi Santoso"),
        new("officer-34", "Biro Kerja Sama, DI Yogyakarta", Roles.RegionalOfficer, "34", null, "Sri Wahyuni"),
        new("officer-32.73", "Bagian Kerja Sama, Kota Bandung", Roles.RegionalOfficer, "32.73", null, "Asep Hidayat"),
        new("reviewer-kemendagri", "Peninjau Kemendagri", Roles.MinistryReviewer, null, "kemendagri", "Ahmad Fauzi"),
        new("reviewer-kemlu", "Peninjau Kemlu", Roles.MinistryReviewer, null, "kemlu", "Ratna Sari"),
        new("finance-approver", "Pejabat Keuangan (BPKAD)", Roles.FinanceApprover, null, null, "Hendra Wijaya"),
    ];
}
