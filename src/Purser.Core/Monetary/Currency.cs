using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Purser.Core.Monetary;

/// <summary>
/// An active ISO 4217 currency and the number of decimals of its minor unit (KWD 3, JPY 0). A
/// reference type, so there is no default value to stand for "no currency": a missing one is null
/// and the compiler says so.
/// </summary>
public sealed record Currency
{
    private Currency(string code, int minorUnitDigits)
    {
        Code = code;
        MinorUnitDigits = minorUnitDigits;
    }

    public string Code { get; }

    /// <summary>Decimal places of the minor unit: 2 for fen and cents, 0 for yen, 3 for the Kuwaiti fils.</summary>
    public int MinorUnitDigits { get; }

    // ISO 4217 list one, active codes that have a minor unit (precious metals, SDRs and test codes have none).
    private static readonly FrozenDictionary<string, Currency> All = Table(
        (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
        (3, "BHD IQD JOD KWD LYD OMR TND"),
        (4, "CLF UYW"),
        (2, "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW " +
            "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR " +
            "IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN " +
            "NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB " +
            "TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"));

    public static readonly Currency CNY = All["CNY"];
    public static readonly Currency USD = All["USD"];
    public static readonly Currency EUR = All["EUR"];
    public static readonly Currency JPY = All["JPY"];

    public static IEnumerable<string> KnownCodes => All.Keys;

    public static bool TryParse(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && All.TryGetValue(code.ToUpperInvariant(), out currency);
    }

    public static Currency Parse(string code) =>
        TryParse(code, out var currency) ? currency : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    public override string ToString() => Code;

    private static FrozenDictionary<string, Currency> Table(params (int Digits, string Codes)[] groups) =>
        groups.SelectMany(g => g.Codes.Split(' ').Select(code => new Currency(code, g.Digits)))
            .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
}
