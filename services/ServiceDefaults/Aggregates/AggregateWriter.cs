using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Data;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Messaging;

namespace Paradiplomacy.ServiceDefaults.Aggregates;

/// <summary>The one way an aggregate of any service changes: load it, check the etag, let the
/// aggregate's own method decide (it validates and raises its integration events), then save the new
/// state, an audit record (who, when, which fields from what to what) and its events in the outbox,
/// in one transaction. gRPC classes, consumers and jobs call it; none writes audit or outbox rows.</summary>
public sealed class AggregateWriter<TAggregate>(ServiceDbContext db, TimeProvider clock) where TAggregate : AggregateRoot
{
    private readonly List<Enlisted> _enlisted = [];
    private IDbContextTransaction? _serialized;

    private static string TypeName => typeof(TAggregate).Name;

    /// <summary>The aggregate, tracked for a change; NOT_FOUND when there is none.</summary>
    private async Task<TAggregate> LoadAsync(string id, CancellationToken ct)
    {
        Ids.Check("id", id);
        if (typeof(ISerializedChanges).IsAssignableFrom(typeof(TAggregate)))
        {
            await LockAsync(id, ct);
        }
        return await db.Set<TAggregate>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(TypeName, id);
    }

    /// <summary>Takes the aggregate's row lock until the change commits or fails, so concurrent changes
    /// of it queue up and each reads the state the previous one left (inside a consumer's transaction,
    /// that one's).</summary>
    private async Task LockAsync(string id, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            _serialized = await db.Database.BeginTransactionAsync(ct);
        }
        var entity = db.Model.FindEntityType(typeof(TAggregate))!;
        var table = entity.GetTableName();
        var column = entity.FindProperty(nameof(AggregateRoot.Id))!.GetColumnName();
        // Names from the model, the id as a parameter.
        var sql = "SELECT 1 FROM \"" + table + "\" WHERE \"" + column + "\" = {0} FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }

    private async Task ReleaseAsync(bool commit, CancellationToken ct)
    {
        if (_serialized is null)
        {
            return;
        }
        try
        {
            if (commit)
            {
                await _serialized.CommitAsync(ct);
            }
            else
            {
                await _serialized.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await _serialized.DisposeAsync();
            _serialized = null;
        }
    }

    /// <summary>The aggregate, tracked, for a change by <paramref name="caller"/>: refused unless the
    /// caller may change it, then ABORTED if someone changed it since the version the caller last read
    /// (<paramref name="etag"/>; none: as it is).</summary>
    public async Task<TAggregate> LoadForChangeAsync(string id, string? etag, Caller caller, CancellationToken ct)
    {
        var aggregate = await LoadAsync(id, ct);
        aggregate.AuthorizeChange(caller);
        if (!string.IsNullOrEmpty(etag) && etag.Trim('"') != aggregate.Etag)
        {
            throw new ConcurrencyConflictException(TypeName, id);
        }
        return aggregate;
    }

    /// <summary>What an earlier create with the same request id made, so a retried create returns it
    /// instead of making a second one. Another caller's request id is ALREADY_EXISTS, never their record.</summary>
    public async Task<TAggregate?> FindCreatedAsync(string? requestId, Caller caller, CancellationToken ct)
    {
        var earlier = string.IsNullOrEmpty(requestId) ? null : await db.Set<TAggregate>().AsNoTracking().FirstOrDefaultAsync(a => a.RequestId == requestId, ct);
        try
        {
            earlier?.AuthorizeChange(caller);
        }
        catch (PermissionDeniedException)
        {
            throw new AlreadyExistsException($"request_id '{requestId}' was already used for another request; send a new one.");
        }
        return earlier;
    }

    /// <summary>A caller's change: authorized, etag-checked, then <paramref name="change"/> (which
    /// validates the request and calls the aggregate's methods), saved with audit and events.</summary>
    public Task<TAggregate> ChangeAsync(string id, string? etag, Caller caller, string action, Action<TAggregate> change, CancellationToken ct) =>
        ChangeAsync(id, etag, caller, action, a =>
        {
            change(a);
            return Task.CompletedTask;
        }, ct);

    /// <remarks>Without an etag the caller asked for the change on the aggregate as it stands: another writer
    /// (a consumer, a job) changing it meanwhile is no conflict for that caller, so the change is made again,
    /// this time on the row locked before it is read: writers that follow each other closely (a consumer
    /// working off a backlog for one city) then cannot win every race, as they could against plain retries.
    /// Inside a consumer's transaction its own retries do that.</remarks>
    public async Task<TAggregate> ChangeAsync(string id, string? etag, Caller caller, string action, Func<TAggregate, Task> change, CancellationToken ct)
    {
        try
        {
            return await RunAsync(() => LoadForChangeAsync(id, etag, caller, ct), caller.Describe(), action, change, ct);
        }
        catch (DbUpdateConcurrencyException) when (string.IsNullOrEmpty(etag) && db.Database.CurrentTransaction is null)
        {
            db.ChangeTracker.Clear();
            _enlisted.Clear();
        }
        return await RunAsync(async () =>
        {
            if (!typeof(ISerializedChanges).IsAssignableFrom(typeof(TAggregate)))
            {
                await LockAsync(id, ct);
            }
            return await LoadForChangeAsync(id, etag, caller, ct);
        }, caller.Describe(), action, change, ct);
    }

    /// <summary>A change the platform makes itself (a scheduled job, a projection fed by events),
    /// recorded under <paramref name="system"/>; there is no caller to authorize.</summary>
    public Task<TAggregate> ChangeBySystemAsync(string id, string system, string action, Func<TAggregate, Task> change, CancellationToken ct) =>
        RunAsync(() => LoadAsync(id, ct), system, action, change, ct);

    /// <summary>Load, change, save with audit and events; a failure anywhere releases the row lock of a serialized aggregate.</summary>
    private async Task<TAggregate> RunAsync(Func<Task<TAggregate>> load, string actor, string action, Func<TAggregate, Task> change, CancellationToken ct)
    {
        try
        {
            var aggregate = await load();
            Enlist(aggregate, actor, action);
            await change(aggregate);
            await SaveAsync(ct);
            return aggregate;
        }
        catch
        {
            await ReleaseAsync(commit: false, ct);
            throw;
        }
    }

    public Task<TAggregate> ChangeBySystemAsync(string id, string system, string action, Action<TAggregate> change, CancellationToken ct) =>
        ChangeBySystemAsync(id, system, action, a =>
        {
            change(a);
            return Task.CompletedTask;
        }, ct);

    /// <summary>A new aggregate: saved with its creation's audit record and the events it raised.</summary>
    public async Task AddAsync(TAggregate aggregate, string actor, string action, CancellationToken ct)
    {
        db.Set<TAggregate>().Add(aggregate);
        _enlisted.Add(new Enlisted(aggregate, AuditTrail.Nothing, actor, action));
        await SaveAsync(ct);
    }

    /// <summary>Another aggregate of the same kind that the change under way alters too (a renewal
    /// supersedes its predecessor): audited and saved in the same transaction.</summary>
    public async Task<TAggregate?> AlsoChangeAsync(string id, string actor, string action, Action<TAggregate> change, CancellationToken ct)
    {
        if (await db.Set<TAggregate>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } other)
        {
            return null;
        }
        Enlist(other, actor, action);
        change(other);
        return other;
    }

    /// <summary>A new aggregate that the change under way makes (a recurring program's next edition):
    /// saved, with its creation's audit record and events, in the same transaction.</summary>
    public void AlsoAdd(TAggregate aggregate, string actor, string action)
    {
        db.Set<TAggregate>().Add(aggregate);
        _enlisted.Add(new Enlisted(aggregate, AuditTrail.Nothing, actor, action));
    }

    /// <summary>A change beside the aggregate's own fields that belongs in its audit trail (a document
    /// stored in its own table); call within the change.</summary>
    public void Note(TAggregate aggregate, FieldChange change) =>
        _enlisted.First(e => ReferenceEquals(e.Aggregate, aggregate)).Notes.Add(change);

    private Enlisted Enlist(TAggregate aggregate, string actor, string action)
    {
        var entry = new Enlisted(aggregate, aggregate.AuditSnapshot(), actor, action);
        _enlisted.Add(entry);
        return entry;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var entry in _enlisted)
        {
            var changes = AuditTrail.Diff(entry.Before, entry.Aggregate.AuditSnapshot()).Concat(entry.Notes).ToList();
            if (changes.Count > 0 || entry.Aggregate.PendingEvents.Count > 0)
            {
                db.AuditRecords.Add(new AuditRecord
                {
                    AggregateType = TypeName,
                    AggregateId = entry.Aggregate.Id,
                    Actor = entry.Actor,
                    At = now,
                    Action = entry.Action,
                    Changes = changes,
                });
            }
            foreach (var integrationEvent in entry.Aggregate.PendingEvents)
            {
                db.AddIntegrationEvent(integrationEvent);
            }
            entry.Aggregate.ClearEvents();
        }
        _enlisted.Clear();
        await db.SaveChangesAsync(ct);
        await ReleaseAsync(commit: true, ct);
    }

    private sealed record Enlisted(TAggregate Aggregate, IReadOnlyDictionary<string, string?> Before, string Actor, string Action)
    {
        public List<FieldChange> Notes { get; } = [];
    }
}
