using Purser.Core.Alerts;

namespace Purser.Engine.Storage.Entities;

/// <summary>
/// One of a billing profile's credit alert thresholds and its alert's state, changed only under the
/// profile's ledger lock: by the ledger change that moves the balance across it, or by the operator
/// replacing the profile's thresholds.
/// </summary>
internal sealed class CreditAlertThreshold
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public AlertBasis Basis { get; set; }
    public decimal Value { get; set; }

    /// <summary>The alert fired and the balance has not recovered since.</summary>
    public bool Fired { get; set; }

    /// <summary>How many times the alert has fired: each fall below the threshold and its recovery share this number in their once-keys.</summary>
    public int Falls { get; set; }
    public DateTime? TurnedAt { get; set; }
}
