namespace Purser.Engine.Usage;

/// <summary>The bounds a usage event must fall within to be accepted.</summary>
public static class UsageLimits
{
    public const int MaxBatchSize = 1000;
    public const int MaxEventIdLength = 128;
    public const int MaxSourceLength = 128;
    public const int MaxResourceIdLength = 400;
    public const int MaxTags = 20;
    public const int MaxTagsLength = 2000;

    /// <summary>Above this a quantity is a unit mistake or an attack, not usage.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Usage may arrive late, but not after the cycle it belongs to could have been invoiced twice over.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(62);

    /// <summary>Clock skew tolerated for reports from the future.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(15);

    public const string DefaultSource = "default";
}
