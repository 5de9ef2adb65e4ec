using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Agreements.Data;

/// <summary>The rules of an agreement's life that need the other agreements: one active agreement of
/// a kind between the same pair; a signed version takes effect and closes the one it replaces; one
/// renewal or amendment in progress at a time. Changes go through the write path.</summary>
public sealed class AgreementVersions(AgreementsDbContext db, AggregateWriter<Agreement> writer, TimeProvider clock)
{
    private static readonly AgreementStatus[] OpenStatuses =
        [AgreementStatus.Draft, AgreementStatus.Submitted, AgreementStatus.Cleared, AgreementStatus.Signed];

    /// <summary>A new draft, unless the pair already has an active agreement of its kind.</summary>
    public async Task DraftAsync(Agreement draft, Caller caller, CancellationToken ct)
    {
        await EnsureNoActiveDuplicateAsync(draft, ct);
        await writer.AddAsync(draft, caller.Describe(), "draft", ct);
    }

    /// <summary>An agreement signed before the platform, unless the pair already has an active one of its kind.</summary>
    public async Task RegisterAsync(Agreement registered, Caller caller, CancellationToken ct)
    {
        if (registered.Status == AgreementStatus.Active)
        {
            await EnsureNoActiveDuplicateAsync(registered, ct);
        }
        await writer.AddAsync(registered, caller.Describe(), "register", ct);
    }

    /// <summary>Signs the current submission; an agreement effective today takes effect at once.</summary>
    public Task<Agreement> SignAsync(string id, string? etag, Action<Agreement> sign, Caller caller, DateOnly today, CancellationToken ct) =>
        writer.ChangeAsync(id, etag, caller, "sign", a =>
        {
            sign(a);
            return ActivateIfDueAsync(a, caller.Describe(), today, ct);
        }, ct);

    /// <summary>Activates a signed agreement whose effective date has come, closing the version it
    /// replaces in the same transaction. Call within a change of <paramref name="agreement"/>.</summary>
    public async Task ActivateIfDueAsync(Agreement agreement, string actor, DateOnly today, CancellationToken ct)
    {
        if (agreement.Status != AgreementStatus.Signed || agreement.EffectiveDate > today)
        {
            return;
        }
        await EnsureNoActiveDuplicateAsync(agreement, ct);
        agreement.ActivateIfDue(today, actor, clock.GetUtcNow());
        if (agreement.ParentId is not null)
        {
            await writer.AlsoChangeAsync(agreement.ParentId, actor, "supersede", parent => parent.Supersede(actor, clock.GetUtcNow()), ct);
        }
    }

    public async Task<Agreement> StartNextVersionAsync(string id, string? etag, VersionRelation relation, int? months, Caller caller, CancellationToken ct)
    {
        var current = await writer.LoadForChangeAsync(id, etag, caller, ct);
        if (months is < 0 or > Agreement.MaxValidityMonths)
        {
            throw new ValidationException("validity_months", $"must be between 1 and {Agreement.MaxValidityMonths}");
        }
        var open = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.ParentId == id && OpenStatuses.Contains(a.Status), ct);
        if (open is not null)
        {
            throw new AlreadyExistsException($"A {open.Relation} of this agreement is already in progress: '{open.Id}' ({open.Status}).");
        }
        var next = current.StartNextVersion(relation, months, caller, clock.GetUtcNow());
        await writer.AddAsync(next, caller.Describe(), relation == VersionRelation.Renewal ? "renew" : "amend", ct);
        return next;
    }

    /// <summary>One active agreement of a kind between the same pair at a time; a version's own
    /// predecessor does not count, since the new version replaces it.</summary>
    private async Task EnsureNoActiveDuplicateAsync(Agreement agreement, CancellationToken ct)
    {
        var partners = agreement.PartnerIds.ToList();
        var clash = await db.Agreements.AsNoTracking()
            .Where(a => a.Id != agreement.Id && a.Id != agreement.ParentId && a.Kind == agreement.Kind && a.Status == AgreementStatus.Active
                        && a.IndonesianPartyId == agreement.IndonesianPartyId && a.PartnerIds.Any(p => partners.Contains(p)))
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw new AlreadyExistsException(
                $"{agreement.IndonesianParty.Name} already has an active {agreement.Kind} agreement with {string.Join(", ", clash.ForeignParties.Where(p => partners.Contains(p.CityId)).Select(p => p.Name))}: '{clash.Id}'. Renew or amend it instead.");
        }
    }
}
