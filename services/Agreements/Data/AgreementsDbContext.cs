using Microsoft.EntityFrameworkCore;
using Npgsql;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Agreements.Data;

public sealed class AgreementsDbContext(DbContextOptions<AgreementsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementDocument> Documents => Set<AgreementDocument>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<ActivePair> ActivePairs => Set<ActivePair>();

    /// <summary>Saves with the active pairs kept in step with the agreements being saved; an activation
    /// that lost the race for a pair is ALREADY_EXISTS and writes nothing.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await SyncActivePairsAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ActivePairIndex })
        {
            throw new AlreadyExistsException(
                "Another agreement of this kind between the same parties became active at the same moment; renew or amend that one instead.");
        }
    }

    private const string ActivePairIndex = "ix_active_pairs_indonesian_party_id_foreign_party_id_kind";

    private async Task SyncActivePairsAsync(CancellationToken ct)
    {
        foreach (var entry in ChangeTracker.Entries<Agreement>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var agreement = entry.Entity;
            var wasActive = entry.State == EntityState.Modified && entry.Property(a => a.Status).OriginalValue == AgreementStatus.Active;
            if (!wasActive && agreement.Status != AgreementStatus.Active)
            {
                // Most saves (drafts, clearances, notices) neither enter nor leave ACTIVE: no pairs to touch.
                continue;
            }
            var existing = wasActive ? await ActivePairs.Where(p => p.AgreementId == agreement.Id).ToListAsync(ct) : [];
            var wanted = agreement.Status == AgreementStatus.Active ? agreement.PartnerIds.ToHashSet(StringComparer.Ordinal) : [];
            ActivePairs.RemoveRange(existing.Where(p => !wanted.Contains(p.ForeignPartyId)));
            ActivePairs.AddRange(wanted.Where(f => existing.All(p => p.ForeignPartyId != f)).Select(f => new ActivePair
            {
                AgreementId = agreement.Id, IndonesianPartyId = agreement.IndonesianPartyId, ForeignPartyId = f, Kind = agreement.Kind.ToString(),
            }));
        }
    }

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
            e.Property(a => a.Withdrawal!).IsJson();
            e.Property(a => a.Registration!).IsJson();
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

        modelBuilder.Entity<ActivePair>(e =>
        {
            e.ToTable("active_pairs");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).UseIdentityAlwaysColumn();
            e.Property(p => p.AgreementId).HasMaxLength(64);
            e.Property(p => p.IndonesianPartyId).HasMaxLength(64);
            e.Property(p => p.ForeignPartyId).HasMaxLength(64);
            e.Property(p => p.Kind).HasMaxLength(30);
            e.HasIndex(p => new { p.IndonesianPartyId, p.ForeignPartyId, p.Kind }).IsUnique().HasDatabaseName(ActivePairIndex);
            e.HasIndex(p => p.AgreementId);
        });

        modelBuilder.Entity<DocumentContent>(e =>
        {
            e.ToTable("document_contents");
            e.HasKey(c => c.DocumentId);
        });
    }
}
