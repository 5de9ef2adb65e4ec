using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Contracts.IntegrationEvents;

namespace Paradiplomacy.Agreements.IntegrationEvents;

/// <summary>What the agreements service tells the others, each event made from the agreement as it
/// stands after the change: the shared header (id, version, status, kind, parties, region, actor)
/// that consumers key their projections on, then what is particular to the event.</summary>
public static class AgreementEvents
{
    public static AgreementDrafted Drafted(Agreement a, string actor) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor);

    /// <summary>Signed before the platform and registered on it, not yet in effect (or a Letter of Intent only).</summary>
    public static AgreementRegistered Registered(Agreement a, string actor) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor);

    public static AgreementSubmitted Submitted(Agreement a, string actor) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor);

    public static ClearanceRecorded ClearanceRecorded(Agreement a, string actor, string kind, string decision, string referenceNumber) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            kind, decision, referenceNumber);

    public static AgreementSigned Signed(Agreement a, string actor, string instrument, DateOnly signedOn) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            instrument, signedOn);

    public static AgreementActivated Activated(Agreement a, string actor) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor);

    public static AgreementExpiring Expiring(Agreement a, string actor, int daysBeforeExpiry, DateOnly expiryDate) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor,
            daysBeforeExpiry, expiryDate);

    public static AgreementExpired Expired(Agreement a, string actor) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor);

    /// <summary>Ended early, or closed because a later version took effect (the reason says which).</summary>
    public static AgreementTerminated Terminated(Agreement a, string actor, string reason) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, reason);

    public static AgreementWithdrawn Withdrawn(Agreement a, string actor, string reason) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, reason);

    public static AgreementRenewed Renewed(Agreement a, string actor, string previousId) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, previousId);

    public static AgreementAmended Amended(Agreement a, string actor, string previousId) =>
        new(a.Id, a.Version, a.Status.ToString(), a.Kind.ToString(), a.IndonesianPartyId, a.RegionCode, a.ForeignPartyIds, actor, previousId);
}
