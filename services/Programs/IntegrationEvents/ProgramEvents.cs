using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Programs.Domain;

namespace Paradiplomacy.Programs.IntegrationEvents;

/// <summary>What the programs service tells the others, each event made from the program as it stands
/// after the change: the shared header, then what is particular to the event.</summary>
public static class ProgramEvents
{
    public static ProgramCreated Created(CooperationProgram p, string actor) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor, p.Title, p.StartDate, p.EndDate, p.Edition) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramApproved Approved(CooperationProgram p, string actor) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramStarted Started(CooperationProgram p, string actor) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramPostponed Postponed(CooperationProgram p, string actor, string reason) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor, reason, p.StartDate, p.EndDate) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramPivoted Pivoted(CooperationProgram p, string actor, DeliveryMode from, string reason) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor, from.ToString(), p.DeliveryMode.ToString(), reason) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramCompleted Completed(CooperationProgram p, string actor, DateOnly on) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor, on) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static ProgramCancelled Cancelled(CooperationProgram p, string actor, string reason) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor, reason) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static IndicatorReported IndicatorReported(CooperationProgram p, string actor, Indicator indicator, IndicatorActual actual) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor,
            indicator.Id, indicator.Unit, actual.Value, actual.PeriodEnd, [.. indicator.SdgTargets]) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };

    public static EvaluationSubmitted EvaluationSubmitted(CooperationProgram p, string actor, Evaluation evaluation) =>
        new(p.Id, p.Version, p.Status.ToString(), p.AgreementId, p.RegionCode, p.Type.ToString(), p.Field, actor,
            evaluation.Kind.ToString(), evaluation.Rating.ToString()) { ProgramTitle = p.Title, ForeignPartyIds = [.. p.ForeignPartyIds] };
}
