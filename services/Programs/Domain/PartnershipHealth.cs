using System.Globalization;
using Paradiplomacy.ServiceDefaults.Projections;

namespace Paradiplomacy.Programs.Domain;

/// <summary>A partnership's health from what actually happened in it, so that one that exists only on
/// paper shows before it expires. Out of 100: work started (25), work completed (15), results reported
/// in the last twelve months (20), people taken part (10), and recency (30, falling to nothing after
/// twelve months without activity). THRIVING from 70, STEADY from 40, DORMANT below; PAPER_ONLY when
/// nothing was ever carried out.</summary>
public sealed record PartnershipHealth(PartnerAgreement Agreement, PartnershipSignals Signals, int Score, HealthBand Band,
    IReadOnlyList<string> Reasons, DateOnly LastActivity, int MonthsSinceLastActivity)
{
    public const int ExpiryWarningDays = 180;

    public static PartnershipHealth Assess(PartnerAgreement agreement, PartnershipSignals s, DateOnly today)
    {
        var last = s.LastActivity ?? agreement.EffectiveOn ?? today;
        var months = Math.Max(0, ((today.Year - last.Year) * 12) + today.Month - last.Month - (today.Day < last.Day ? 1 : 0));
        var reasons = new List<string>();
        int score;
        HealthBand band;
        if (s.Programs == 0)
        {
            score = 0;
            band = HealthBand.PaperOnly;
            reasons.Add(agreement.EffectiveOn is { } on
                ? $"no program since it took effect on {Day(on)} ({months} months)"
                : "no program under it");
        }
        else
        {
            score = (s.Started > 0 ? 25 : 0) + (s.Completed > 0 ? 15 : 0) + (s.ActualsLastYear > 0 ? 20 : 0) + (s.Participants > 0 ? 10 : 0)
                + (int)Math.Round(30 * Math.Max(0, 1 - (months / 12.0)));
            band = score >= 70 ? HealthBand.Thriving : score >= 40 ? HealthBand.Steady : HealthBand.Dormant;
            reasons.Add(s.Started > 0 ? $"{s.Started} of {s.Programs} programs started, {s.Completed} completed" : $"{s.Programs} programs approved, none started");
            reasons.Add(s.ActualsLastYear > 0 ? $"{s.ActualsLastYear} results reported in the last 12 months" : "no result reported in the last 12 months");
            reasons.Add(s.Participants > 0 ? $"{s.Participants} participants" : "no participants recorded");
            reasons.Add(months == 0 ? "active this month" : $"last activity {months} months ago ({Day(last)})");
        }
        if (agreement.ExpiresOn is { } expiry && expiry >= today && expiry.DayNumber - today.DayNumber <= ExpiryWarningDays)
        {
            reasons.Add($"expires on {Day(expiry)}, in {expiry.DayNumber - today.DayNumber} days: decide on renewal");
        }
        return new PartnershipHealth(agreement, s, Math.Clamp(score, 0, 100), band, reasons, last, months);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
