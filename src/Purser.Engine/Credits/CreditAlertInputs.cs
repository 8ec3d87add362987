using System.ComponentModel.DataAnnotations;

namespace Purser.Engine.Credits;

/// <summary>A billing profile's credit alert thresholds, replacing the ones it had (or the defaults).</summary>
public sealed record NewCreditAlerts([property: Required] IReadOnlyList<NewCreditAlertThreshold>? Thresholds);

/// <param name="Basis">PercentOfLastTopUp or Amount.</param>
/// <param name="Value">A percentage above 0 and at most 100, or an amount in the profile's currency.</param>
public sealed record NewCreditAlertThreshold([property: Required] string? Basis, [property: Required] decimal? Value);
