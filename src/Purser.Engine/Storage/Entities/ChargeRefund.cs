namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A refund of (part of) a charge: what went back into credit lots (as journal entries keyed under the refund's
/// key) and what is owed back through the payment method. Every refund of a charge is a row, so together they
/// never return more than was charged.
/// </summary>
internal sealed class ChargeRefund
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid ChargeId { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
    public decimal ReturnedToCredit { get; set; }
    public decimal ReturnedToPaymentMethod { get; set; }
    public required string Reason { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime RefundedAt { get; set; }
}
