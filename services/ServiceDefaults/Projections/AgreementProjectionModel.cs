using Microsoft.EntityFrameworkCore;

namespace Paradiplomacy.ServiceDefaults.Projections;

public static class AgreementProjectionModel
{
    /// <summary>Maps <see cref="PartnerAgreement"/> to the service's partner_agreements table.</summary>
    public static ModelBuilder MapPartnerAgreements(this ModelBuilder modelBuilder) => modelBuilder.Entity<PartnerAgreement>(e =>
    {
        e.ToTable("partner_agreements");
        e.HasKey(a => a.AgreementId);
        e.Property(a => a.AgreementId).HasMaxLength(64);
        e.Property(a => a.Status).HasMaxLength(20);
        e.Property(a => a.Kind).HasMaxLength(30);
        e.Property(a => a.Title).HasMaxLength(300);
        e.Property(a => a.IndonesianPartyId).HasMaxLength(64);
        e.Property(a => a.RegionCode).HasMaxLength(20);
        e.Property(a => a.ProvinceCode).HasMaxLength(20);
        e.Property(a => a.ParentAgreementId).HasMaxLength(64);
        e.Ignore(a => a.IsActive);
        e.Ignore(a => a.IsPublic);
        e.Ignore(a => a.HasEnded);
        e.HasIndex(a => new { a.Status, a.ProvinceCode });
        e.HasIndex(a => a.RegionCode);
        e.HasIndex(a => a.ParentAgreementId);
    });
}
