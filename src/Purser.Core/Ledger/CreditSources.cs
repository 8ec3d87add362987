namespace Purser.Core.Ledger;

/// <summary>Where credit came from, as shown in the lots list.</summary>
public static class CreditSources
{
    public const string Prepayment = "Prepayment";
    public const string Trial = "Trial";
    public const string Promotional = "Azure Promotional Credit";
}
