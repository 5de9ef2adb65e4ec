using Microsoft.EntityFrameworkCore;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.ServiceDefaults.Data;

/// <summary>Base of every service's DbContext: its own tables next to the ones the platform keeps in
/// each database (outbox, inbox, audit records), so a change, its events and its audit record commit
/// in one transaction.</summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>Services call this first from their own OnModelCreating.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit_records");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).UseIdentityAlwaysColumn();
            e.Property(r => r.AggregateType).HasMaxLength(50);
            e.Property(r => r.AggregateId).HasMaxLength(AggregateRoot.MaxId);
            e.Property(r => r.Actor).HasMaxLength(AuditRecord.MaxActor);
            e.Property(r => r.Action).HasMaxLength(AuditRecord.MaxAction);
            e.Property(r => r.Changes).IsJson();
            e.HasIndex(r => new { r.AggregateType, r.AggregateId, r.Id });
        });
    }
}
