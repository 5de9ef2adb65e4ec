using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.ServiceDefaults.Messaging;

public static class MessagingModelExtensions
{
    internal static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the outbox and inbox tables; call from the service's OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id");
            e.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            e.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            e.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            e.Property(m => m.PublishedAt).HasColumnName("published_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            // The relay scans only what is pending.
            e.HasIndex(m => m.Sequence).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_pending");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return modelBuilder;
    }

    /// <summary>Queues an event in the outbox; it is saved by the caller's SaveChanges, in the same
    /// transaction as the change it announces. Only the write path (AggregateWriter) calls it.</summary>
    internal static void AddIntegrationEvent(this ServiceDbContext context, IntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        context.OutboxMessages.Add(new OutboxMessage
        {
            Id = integrationEvent.Id,
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, PayloadOptions),
            OccurredAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current?.Id,
        });
    }
}
