using System.Globalization;
using System.Text.Json;

namespace Paradiplomacy.Agreements.Domain;

/// <summary>Flattens an agreement to field → value, its audit snapshot: a change is recorded as the
/// fields it touched with their old and new values.</summary>
public static class AgreementAudit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, string?> Snapshot(Agreement a) => new Dictionary<string, string?>
    {
        ["status"] = a.Status.ToString(),
        ["title"] = a.Title,
        ["foreign_parties"] = string.Join(", ", a.ForeignParties.Select(p => $"{p.Name} ({p.CityId})")),
        ["fields"] = string.Join(", ", a.Fields),
        ["objectives"] = a.Objectives,
        ["mechanisms"] = a.Mechanisms,
        ["validity_months"] = a.ValidityMonths.ToString(CultureInfo.InvariantCulture),
        ["effective_date"] = a.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["expiry_date"] = a.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["indonesian_contact"] = JsonSerializer.Serialize(a.IndonesianContact, Json),
        ["foreign_contact"] = JsonSerializer.Serialize(a.ForeignContact, Json),
        ["required_clearances"] = string.Join(", ", a.RequiredClearances),
        ["clearances"] = string.Join("; ", a.Clearances.Select(c => $"{c.Kind} {c.Decision} {c.ReferenceNumber} (round {c.Round})")),
        ["instruments"] = string.Join("; ", a.Instruments.Select(i => $"{i.Type} signed {i.SignedOn:yyyy-MM-dd} by {i.IndonesianSignatory.Name} and {i.ForeignSignatory.Name}")),
        ["termination"] = a.Termination is null ? null : $"{a.Termination.TerminatedOn:yyyy-MM-dd} by {a.Termination.TerminatedBy}: {a.Termination.Reason}",
        ["withdrawal"] = a.Withdrawal is null ? null : $"{a.Withdrawal.WithdrawnOn:yyyy-MM-dd} by {a.Withdrawal.WithdrawnBy}: {a.Withdrawal.Reason}",
        ["registration"] = a.Registration is null ? null : $"registered by {a.Registration.RegisteredBy} from {a.Registration.Source}",
        ["notices_sent"] = string.Join(", ", a.NoticesSent),
    };
}
