namespace Paradiplomacy.Funding.Domain;

/// <summary>ISO 4217's active currency codes and their minor units (decimal places): an amount is kept
/// as an integer count of minor units, so no rupiah, yen or euro cent is ever rounded away.</summary>
public static class Currencies
{
    public const string Rupiah = "IDR";

    // ISO 4217 list one (active codes), less the funds, precious metals and testing codes.
    private const string ActiveCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
        "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT " +
        "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
        "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP " +
        "STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD " +
        "XCG XOF XPF YER ZAR ZMW ZWG";

    private static readonly Dictionary<string, int> MinorUnits = Build();

    public static bool IsKnown(string? code) => code is not null && MinorUnits.ContainsKey(code);

    /// <summary>Decimal places of the currency: 2 for IDR and EUR, 0 for JPY and KRW, 3 for KWD.</summary>
    public static int Exponent(string code) => MinorUnits[code];

    private static Dictionary<string, int> Build()
    {
        var units = ActiveCodes.Split(' ').ToDictionary(c => c, _ => 2, StringComparer.Ordinal);
        foreach (var code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".Split(' '))
        {
            units[code] = 0;
        }
        foreach (var code in "BHD IQD JOD KWD LYD OMR TND".Split(' '))
        {
            units[code] = 3;
        }
        return units;
    }
}
