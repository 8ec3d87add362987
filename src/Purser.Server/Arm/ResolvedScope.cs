using Purser.Engine.Access;
using Purser.Engine.Consumption;
using Purser.Engine.Invoicing;
using Purser.Server.Arm.Billing;

namespace Purser.Server.Arm;

/// <summary>
/// What <see cref="ScopeGate"/> found at the scope a request names and let the caller through to. Which
/// parts are set follows the endpoint's <see cref="ScopeRequirement"/>: the billing scope for a role at an
/// account, profile or subscription (the profile it is billed to) or for an invoice (its profile); the
/// account's reach for <see cref="Permission.Member"/> and <see cref="Permission.ReadSome"/>; the invoice itself.
/// </summary>
public sealed record ResolvedScope(BillingScope? Billing = null, Guid? SubscriptionId = null, AccountReach? Reach = null, InvoiceRecord? Invoice = null)
{
    /// <summary>The scope as Microsoft.Consumption names it, under which budgets are stored.</summary>
    public ConsumptionScope? Consumption => Billing is not { } billing ? null
        : SubscriptionId is { } subscription ? new(ArmIds.Subscription(subscription), billing.AccountId, billing.ProfileId, subscription)
        : new(ArmIds.Of(billing), billing.AccountId, billing.ProfileId, null);
}
