namespace Paradiplomacy.Funding.Domain;

/// <summary>The rupiah value of one unit of a currency on a date, as published (Bank Indonesia's JISDOR,
/// the Finance Minister's rate). Rates are facts of their day: a published one is never changed, and every
/// booked amount keeps the rate it was converted at.</summary>
public sealed class ExchangeRate
{
    public const int MaxSource = 100;

    /// <summary>The rate in effect on a date is the last one published on or before it, at most this
    /// many days earlier (weekends, holidays); anything older is missing, not a guess.</summary>
    public const int DaysInEffect = 7;

    public required string Currency { get; init; }
    public DateOnly Date { get; init; }
    public decimal IdrPerUnit { get; init; }
    public required string Source { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>IDR itself: one rupiah is one rupiah, on any date.</summary>
    public static ExchangeRate Par(DateOnly date) => new() { Currency = Currencies.Rupiah, Date = date, IdrPerUnit = 1m, Source = "par", RecordedBy = "platform" };
}
