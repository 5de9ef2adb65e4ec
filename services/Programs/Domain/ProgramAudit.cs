using System.Globalization;

namespace Paradiplomacy.Programs.Domain;

/// <summary>Flattens a program to field → value for its audit trail. Participants appear by id, role,
/// side and consent date, never by name or e-mail: erasing a participant's data must not leave it in
/// the audit records.</summary>
public static class ProgramAudit
{
    public static IReadOnlyDictionary<string, string?> Snapshot(CooperationProgram p)
    {
        var snapshot = new Dictionary<string, string?>
        {
            ["status"] = p.Status.ToString(),
            ["type"] = p.Type.ToString(),
            ["field"] = p.Field,
            ["title"] = p.Title,
            ["objectives"] = p.Objectives,
            ["indonesian_lead_office"] = p.IndonesianLeadOffice,
            ["foreign_lead_office"] = p.ForeignLeadOffice,
            ["period"] = $"{Day(p.StartDate)} to {Day(p.EndDate)}",
            ["delivery_mode"] = p.DeliveryMode.ToString(),
            ["location"] = p.Location,
            ["recurrence"] = p.Recurrence.ToString(),
            ["sdg_targets"] = string.Join(", ", p.SdgTargets),
            ["postponements"] = string.Join("; ", p.Postponements.Select(x => $"{Day(x.PreviousStart)} → {Day(x.NewStart)}: {x.Reason}")),
            ["pivots"] = string.Join("; ", p.Pivots.Select(x => $"{x.From} → {x.To}: {x.Reason}")),
            ["cancellation"] = p.Cancellation?.Reason,
            ["agreement_ended"] = p.AgreementEnded?.AgreementStatus,
            ["completed_on"] = p.CompletedOn is { } c ? Day(c) : null,
            ["next_edition"] = p.NextEditionId,
        };
        foreach (var m in p.Milestones)
        {
            snapshot[$"milestone[{m.Id}]"] = $"{m.Kind} '{m.Title}' due {Day(m.DueDate)}: {m.Status}";
        }
        foreach (var x in p.Participants)
        {
            snapshot[$"participant[{x.Id}]"] = $"{x.Role}, {x.Side}, consent {Day(x.Consent.GivenOn)}{(x.Erased ? ", personal data erased" : string.Empty)}";
        }
        foreach (var i in p.Indicators)
        {
            snapshot[$"indicator[{i.Id}]"] = $"{i.Name} ({i.Unit}): {i.Baseline.ToString(CultureInfo.InvariantCulture)} → {i.Target.ToString(CultureInfo.InvariantCulture)}";
        }
        foreach (var a in p.Actuals)
        {
            snapshot[$"actual[{a.Id}]"] = $"{a.IndicatorId} {Day(a.PeriodStart)}..{Day(a.PeriodEnd)} = {a.Value.ToString(CultureInfo.InvariantCulture)}"
                + (a.IsTotal ? string.Empty : $" ({string.Join(", ", a.Disaggregation.Select(d => $"{d.Key}={d.Value}"))})");
        }
        foreach (var e in p.Evaluations)
        {
            snapshot[$"evaluation[{e.Id}]"] = $"{e.Kind} {e.Rating} by {e.Evaluator} on {Day(e.EvaluatedOn)}";
        }
        return snapshot;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
