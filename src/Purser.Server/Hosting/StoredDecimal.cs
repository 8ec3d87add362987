namespace Purser.Server.Hosting;

/// <summary>Decimals as they leave storage, for every face that prints them.</summary>
public static class StoredDecimal
{
    /// <summary>The same value without storage's trailing zeros (numeric(28,10) reads back as 997.8700000000).</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}
