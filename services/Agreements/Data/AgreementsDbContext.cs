using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.Agreements.Data;

public sealed class AgreementsDbContext(DbContextOptions<AgreementsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementDocument> Documents => Set<AgreementDocument>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(64);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Relation).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Title).HasMaxLength(Agreement.MaxTitle);
            e.Property(a => a.IndonesianPartyId).HasMaxLength(64);
            e.Property(a => a.RegionCode).HasMaxLength(20);
            e.Property(a => a.ParentId).HasMaxLength(64);
            e.Property(a => a.RequestId).HasMaxLength(100);
            e.Property(a => a.CreatedBy).HasMaxLength(200);
            e.Property(a => a.IndonesianParty).IsJson();
            e.Property(a => a.ForeignParties).IsJson();
            e.Property(a => a.IndonesianContact).IsJson();
            e.Property(a => a.ForeignContact).IsJson();
            e.Property(a => a.Clearances).IsJson();
            e.Property(a => a.Instruments).IsJson();
            e.Property(a => a.Termination!).IsJson();
            e.Property(a => a.RequiredClearances).HasConversion(
                v => string.Join(',', v),
                s => s.Length == 0 ? new List<ClearanceKind>() : s.Split(',', StringSplitOptions.None).Select(Enum.Parse<ClearanceKind>).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ClearanceKind>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, k) => HashCode.Combine(h, k)), v => v.ToList()));
            e.Ignore(a => a.ForeignPartyIds);
            e.HasIndex(a => new { a.RegionCode, a.Status });
            e.HasIndex(a => a.IndonesianPartyId);
            e.HasIndex(a => a.PartnerIds).HasMethod("gin");
            e.HasIndex(a => a.PartnerCountries).HasMethod("gin");
            e.HasIndex(a => a.Fields).HasMethod("gin");
            e.HasIndex(a => new { a.Status, a.ExpiryDate });
            e.HasIndex(a => a.ParentId);
            e.HasIndex(a => a.RequestId).IsUnique().HasFilter("request_id IS NOT NULL");
        });

        modelBuilder.Entity<AgreementDocument>(e =>
        {
            e.ToTable("documents");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.AgreementId, d.Title, d.Language, d.Version }).IsUnique();
        });

        modelBuilder.Entity<DocumentContent>(e =>
        {
            e.ToTable("document_contents");
            e.HasKey(c => c.DocumentId);
        });
    }
}
