using Microsoft.EntityFrameworkCore;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Data;

/// <summary>Makes every money-moving request idempotent by its request id: asked inside the program's
/// serialized change, so a retry (however concurrent) finds what the first one did and books nothing.</summary>
public sealed class RequestGuard(FundingDbContext db, TimeProvider clock)
{
    /// <summary>What an earlier request with this id did (its target: the commitment, tranche or
    /// expenditure), or null if none. Another caller's or another action's id is ALREADY_EXISTS.</summary>
    public async Task<string?> EarlierAsync(string programId, string requestId, Caller caller, string action, CancellationToken ct)
    {
        var earlier = await db.MoneyRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == programId && r.RequestId == requestId, ct);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.Actor != caller.Describe() || earlier.Action != action)
        {
            throw new AlreadyExistsException($"request_id '{requestId}' was already used for another request; send a new one.");
        }
        return earlier.Target;
    }

    public void Remember(string programId, string requestId, Caller caller, string action, string target) =>
        db.MoneyRequests.Add(new MoneyRequest
        {
            ProgramId = programId, RequestId = requestId, Actor = caller.Describe(), Action = action, Target = target, At = clock.GetUtcNow(),
        });
}
