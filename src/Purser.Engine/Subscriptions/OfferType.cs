namespace Purser.Engine.Subscriptions;

/// <summary>The offer types of SPEC §2, as stored and shown.</summary>
public static class OfferType
{
    public const string Trial = "Trial";
    public const string StandardPrepaid = "StandardPrepaid";
    public const string Enterprise = "Enterprise";
    public const string PayAsYouGo = "PayAsYouGo";
    public const string LicenseBased = "LicenseBased";
    public const string UsageBased = "UsageBased";

    public static readonly IReadOnlyList<string> All = [Trial, StandardPrepaid, Enterprise, PayAsYouGo, LicenseBased, UsageBased];

    public static bool IsPartnerSold(string offer) => offer is LicenseBased or UsageBased;
}
