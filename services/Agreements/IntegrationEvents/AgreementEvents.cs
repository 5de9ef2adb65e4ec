using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Contracts.IntegrationEvents;

namespace Paradiplomacy.Agreements.IntegrationEvents;

/// <summary>What the agreements service tells the others, each event made from the agreement as it
/// stands after the change: the shared header (id, version, status, kind, parties, region, actor)
/// that consumers key their projections on, then what is particular to the event.</summary>
public static class AgreementEvents
{
    public static AgreementDrafted Drafted(Agreement a, string actor) =>
        Terms(new AgreementDrafted(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor), a);

    /// <summary>Signed before the platform and registered on it, not yet in effect (or a Letter of Intent only).</summary>
    public static AgreementRegistered Registered(Agreement a, string actor) =>
        Terms(new AgreementRegistered(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor), a);

    public static AgreementSubmitted Submitted(Agreement a, string actor) =>
        Terms(new AgreementSubmitted(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor), a);

    public static ClearanceRecorded ClearanceRecorded(Agreement a, string actor, string kind, string decision, string referenceNumber) =>
        Terms(new ClearanceRecorded(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            kind, decision, referenceNumber), a);

    public static AgreementSigned Signed(Agreement a, string actor, string instrument, DateOnly signedOn) =>
        Terms(new AgreementSigned(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            instrument, signedOn), a);

    public static AgreementActivated Activated(Agreement a, string actor) =>
        Terms(new AgreementActivated(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor), a);

    public static AgreementExpiring Expiring(Agreement a, string actor, int daysBeforeExpiry, DateOnly expiryDate) =>
        Terms(new AgreementExpiring(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            daysBeforeExpiry, expiryDate), a);

    public static AgreementExpired Expired(Agreement a, string actor) =>
        Terms(new AgreementExpired(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor), a);

    /// <summary>Ended early, or closed because a later version took effect (the reason says which).</summary>
    public static AgreementTerminated Terminated(Agreement a, string actor, string reason) =>
        Terms(new AgreementTerminated(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, reason), a);

    public static AgreementWithdrawn Withdrawn(Agreement a, string actor, string reason) =>
        Terms(new AgreementWithdrawn(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, reason), a);

    public static AgreementRenewed Renewed(Agreement a, string actor, string previousId) =>
        Terms(new AgreementRenewed(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, previousId), a);

    public static AgreementAmended Amended(Agreement a, string actor, string previousId) =>
        Terms(new AgreementAmended(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, previousId), a);

    /// <summary>The agreement's terms on the shared header.</summary>
    private static T Terms<T>(T e, Agreement a) where T : AgreementEvent => (T)((AgreementEvent)e with
    {
        Title = a.Title,
        Fields = [.. a.Fields],
        EffectiveOn = a.EffectiveDate,
        ExpiresOn = a.ExpiryDate,
        ParentAgreementId = a.ParentId,
    });
}
