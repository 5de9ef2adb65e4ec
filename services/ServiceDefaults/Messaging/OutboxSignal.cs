using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>Wakes the relay as soon as a change commits, so events leave in milliseconds instead
/// of waiting for the next poll. Registered as an EF Core interceptor on the service's context.</summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows are not visible yet: wait for the commit.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Notify();
        }
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify();
        return Task.CompletedTask;
    }

    public void Notify()
    {
        lock (_signal)
        {
            // One pending wake-up covers every row written since.
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
