namespace Purser.Core.Lifecycle;

/// <summary>The offers a subscription can be on (SPEC §2).</summary>
public enum OfferType
{
    /// <summary>The 1-yuan trial: 1,500 credit for one month.</summary>
    Trial,

    /// <summary>标准预付费: credit bought ahead, at least 1,000 a payment.</summary>
    StandardPrepaid,

    /// <summary>Enterprise agreement, managed in the enterprise portal.</summary>
    Enterprise,

    PayAsYouGo,
    LicenseBased,
    UsageBased,
}

public static class OfferRules
{
    /// <summary>Prepaid offers stop when their credit does (R-DISABLE); the others are invoiced.</summary>
    public static bool IsPrepaid(this OfferType offer) => offer is OfferType.Trial or OfferType.StandardPrepaid;

    /// <summary>R-ENT: enterprise credit is shown in the enterprise portal, not the billing portal.</summary>
    public static bool ShowsCreditInBillingPortal(this OfferType offer) => offer != OfferType.Enterprise;

    public static bool IsPartnerSold(this OfferType offer) => offer is OfferType.LicenseBased or OfferType.UsageBased;
}
