using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Data;

/// <summary>The exchange rates kept through the API, and the conversions booked with them. A rate not
/// published on or within <see cref="ExchangeRate.DaysInEffect"/> days before a date is missing: the
/// caller is told which one to publish, never given a guess.</summary>
public sealed class RateTable(FundingDbContext db)
{
    public async Task<ExchangeRate> InEffectAsync(string currency, DateOnly date, string field, CancellationToken ct)
    {
        if (currency == Currencies.Rupiah)
        {
            return ExchangeRate.Par(date);
        }
        var earliest = date.AddDays(-ExchangeRate.DaysInEffect);
        return await db.ExchangeRates.AsNoTracking()
                   .Where(r => r.Currency == currency && r.Date <= date && r.Date >= earliest)
                   .OrderByDescending(r => r.Date).FirstOrDefaultAsync(ct)
               ?? throw new PreconditionFailedException(
                   $"{field}: no {currency} rate is published for {date:yyyy-MM-dd} or the {ExchangeRate.DaysInEffect} days before it. " +
                   $"Publish it (POST /api/v1/funding/exchangeRates) and try again.", "EXCHANGE_RATE_MISSING");
    }

    /// <summary>The amount with its rupiah value at the rate in effect on <paramref name="date"/>.</summary>
    public async Task<Amount> ValueAsync(Money money, DateOnly date, string field, CancellationToken ct) =>
        Amount.At(money, await InEffectAsync(money.Currency, date, field, ct));
}
