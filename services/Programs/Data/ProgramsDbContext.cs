using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Programs.Domain;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Programs.Data;

/// <summary>Programs with their participants, indicators and actuals in tables of their own (the
/// reports count and sum them by SQL), and the projection of agreements the service plans under.</summary>
public sealed class ProgramsDbContext(DbContextOptions<ProgramsDbContext> options) : ServiceDbContext(options), IAgreementProjection
{
    public DbSet<CooperationProgram> Programs => Set<CooperationProgram>();
    public DbSet<PartnerAgreement> Agreements => Set<PartnerAgreement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<CooperationProgram>(e =>
        {
            e.ToTable("programs");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.AgreementId).HasMaxLength(64);
            e.Property(p => p.RegionCode).HasMaxLength(20);
            e.Property(p => p.ProvinceCode).HasMaxLength(20);
            e.Property(p => p.IndonesianPartyId).HasMaxLength(64);
            e.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.DeliveryMode).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Recurrence).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Field).HasMaxLength(50);
            e.Property(p => p.Title).HasMaxLength(CooperationProgram.MaxTitle);
            e.Property(p => p.RequestId).HasMaxLength(100);
            e.Property(p => p.SeriesId).HasMaxLength(64);
            e.Property(p => p.PreviousEditionId).HasMaxLength(64);
            e.Property(p => p.NextEditionId).HasMaxLength(64);
            e.Property(p => p.CreatedBy).HasMaxLength(200);
            e.Property(p => p.Postponements).IsJson();
            e.Property(p => p.Pivots).IsJson();
            e.Property(p => p.Cancellation!).IsJson();
            e.Property(p => p.AgreementEnded!).IsJson();
            e.Property(p => p.Milestones).IsJson();
            e.Property(p => p.Evaluations).IsJson();
            e.Ignore(p => p.IsOpen);
            e.OwnsMany(p => p.Participants, o =>
            {
                o.ToTable("participants");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.Name).HasMaxLength(CooperationProgram.MaxShort);
                o.Property(x => x.Email).HasMaxLength(254);
                o.Property(x => x.HomeCityId).HasMaxLength(64);
                o.Property(x => x.RequestId).HasMaxLength(100);
                o.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
                o.Property(x => x.Side).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.AgeBand).HasConversion<string>().HasMaxLength(20);
                o.Property(x => x.Consent).IsJson();
                o.HasIndex("ProgramId", nameof(Participant.RequestId)).IsUnique().HasFilter("request_id IS NOT NULL");
                // The reports join participants to their programs (the index above is partial).
                o.HasIndex("ProgramId");
            });
            e.OwnsMany(p => p.Indicators, o =>
            {
                o.ToTable("indicators");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.Name).HasMaxLength(CooperationProgram.MaxTitle);
                o.Property(x => x.Unit).HasMaxLength(50);
                o.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
            });
            e.OwnsMany(p => p.Actuals, o =>
            {
                o.ToTable("indicator_actuals");
                o.WithOwner().HasForeignKey("ProgramId");
                o.HasKey(x => x.Id);
                o.Property(x => x.Id).HasMaxLength(64);
                o.Property(x => x.IndicatorId).HasMaxLength(64);
                o.Property(x => x.Unit).HasMaxLength(50);
                o.Property(x => x.RecordedBy).HasMaxLength(200);
                o.Property(x => x.Disaggregation).IsJson();
                o.Property(x => x.Evidence).IsJson();
                // Roll-ups read totals by SDG target and period.
                o.HasIndex(x => x.SdgTargets).HasMethod("gin");
                o.HasIndex(x => new { x.IsTotal, x.PeriodEnd });
            });
            e.HasIndex(p => new { p.AgreementId, p.Status });
            e.HasIndex(p => new { p.RegionCode, p.Status });
            e.HasIndex(p => new { p.ProvinceCode, p.Status });
            e.HasIndex(p => p.AllSdgTargets).HasMethod("gin");
            e.HasIndex(p => p.SeriesId);
            e.HasIndex(p => p.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
        });

        modelBuilder.MapPartnerAgreements();
    }
}
