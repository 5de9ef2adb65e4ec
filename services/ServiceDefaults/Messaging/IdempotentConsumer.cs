using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.ServiceDefaults.Data;

namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>Base of every consumer: the handler's changes and the inbox record commit together,
/// so a redelivered message (same id) changes nothing the second time. An exception rolls both
/// back and lets MassTransit retry, then move the message to the error queue; it is never acked away.</summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, ILogger logger) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TContext : ServiceDbContext
{
    protected TContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? context.Message.Id;
        var consumer = GetType().Name;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        if (await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
        {
            logger.LogInformation("{Consumer} skipped message {MessageId}: already processed", consumer, messageId);
            return;
        }

        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = DateTimeOffset.UtcNow });
        await HandleAsync(context.Message, cancellationToken);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                           && pg.TableName == "inbox_messages")
        {
            // Another replica handled the same message concurrently; its result stands.
            logger.LogInformation("{Consumer} skipped message {MessageId}: processed concurrently", consumer, messageId);
            return;
        }
        await AfterCommitAsync(cancellationToken);
    }

    /// <summary>Work that must follow the commit, such as invalidating a cache entry.</summary>
    protected virtual Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
