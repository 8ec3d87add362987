using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>A credit lot as the operator API answers it: amounts as numbers in the lot's currency, never internal types.</summary>
public sealed record CreditLotReply(Guid Id, Guid BillingProfileId, string Source, decimal Amount, string Currency, decimal ClosedBalance,
    decimal CurrentBalance, DateTimeOffset StartDate, DateTimeOffset ExpirationDate, string PoNumber, string Status)
{
    public static CreditLotReply Of(CreditLotView lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new(lot.Id, lot.BillingProfileId, lot.Source, StoredDecimal.Plain(lot.OriginalAmount.Amount), lot.OriginalAmount.Currency.Code,
            StoredDecimal.Plain(lot.ClosedBalance.Amount), StoredDecimal.Plain(lot.CurrentBalance.Amount), lot.StartDate, lot.ExpirationDate,
            lot.PoNumber, lot.Status.ToString());
    }
}

/// <summary>A refund of a charge: what went back into credit and what is owed back through the payment method.</summary>
public sealed record RefundReply(Guid Id, Guid ChargeId, Guid BillingProfileId, string Currency, decimal Amount, decimal ReturnedToCredit,
    decimal ReturnedToPaymentMethod, decimal RefundableLeft, string Reason, DateTimeOffset RefundedAt)
{
    public static RefundReply Of(RefundView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.ChargeId, r.BillingProfileId, r.Amount.Currency.Code, StoredDecimal.Plain(r.Amount.Amount), StoredDecimal.Plain(r.ReturnedToCredit.Amount),
            StoredDecimal.Plain(r.ReturnedToPaymentMethod.Amount), StoredDecimal.Plain(r.RefundableLeft.Amount), r.Reason, r.RefundedAt);
    }
}

/// <summary>One movement of a profile's credit as the operator lists it: the journal's kind beside Microsoft.Consumption's event type.</summary>
public sealed record CreditEventReply(string Key, DateTimeOffset TransactionDate, string Kind, string EventType, string Description, string Currency,
    decimal Amount, decimal ClosedBalance, Guid LotId, string InvoiceNumber)
{
    public static CreditEventReply Of(CreditEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var e = view.Event;
        var amount = e.NewCredit + e.Adjustments + e.CreditExpired + e.Charges;
        return new(e.Key, e.TransactionDate, e.Kind.ToString(), e.EventType.ToString(), e.Description, amount.Currency.Code, StoredDecimal.Plain(amount.Amount),
            StoredDecimal.Plain(e.ClosedBalance.Amount), e.LotId, e.InvoiceNumber);
    }
}

/// <summary>A profile's credit alert thresholds (R-ALERT): each with its level in money now and whether its alert has fired.</summary>
public sealed record CreditAlertsReply(Guid BillingProfileId, IReadOnlyList<CreditAlertReply> Thresholds)
{
    public static CreditAlertsReply Of(Guid billingProfileId, IReadOnlyList<CreditAlertView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        return new(billingProfileId, [.. views.Select(v => new CreditAlertReply(v.Threshold.Basis.ToString(), StoredDecimal.Plain(v.Threshold.Value),
            StoredDecimal.Plain(v.Level.Amount), v.Level.Currency.Code, v.Fired, v.Falls, v.TurnedAt))]);
    }
}

public sealed record CreditAlertReply(string Basis, decimal Value, decimal Level, string Currency, bool Fired, int Falls, DateTimeOffset? TurnedAt);

/// <summary>Operator API: credit grants, adjustments and voids of one lot, refunds of charges, a profile's credit movements and its credit alert thresholds.</summary>
public static class CreditsApi
{
    public static RouteGroupBuilder MapCreditsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/credits", async (NewCreditGrant body, HttpContext http, CreditCommands credits, CancellationToken ct) =>
            (await credits.GrantAsync(body, http.IdempotencyKey(), ct)).Created(CreditLotReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Credits);
        ops.MapPost("/creditLots/{lotId:guid}/adjustments", async (Guid lotId, NewCreditAdjustment body, HttpContext http, CreditCommands credits, CancellationToken ct) =>
            (await credits.AdjustAsync(lotId, body, http.IdempotencyKey(), ct)).Created(CreditLotReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Credits);
        ops.MapPost("/creditLots/{lotId:guid}/void", async (Guid lotId, NewLotVoid body, HttpContext http, CreditCommands credits, CancellationToken ct) =>
            (await credits.VoidAsync(lotId, body, http.IdempotencyKey(), ct)).Created(CreditLotReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Credits);
        ops.MapPost("/charges/{chargeId:guid}/refunds", async (Guid chargeId, NewRefund body, HttpContext http, ChargeCommands charges, CancellationToken ct) =>
            (await charges.RefundAsync(chargeId, body, http.IdempotencyKey(), ct)).Created(RefundReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Credits);
        ops.MapGet("/billingProfiles/{billingProfileId:guid}/creditEvents", async Task<Results<Ok<OperatorList<CreditEventReply>>, JsonHttpResult<ArmErrorBody>>> (
                Guid billingProfileId, CreditQueries credits, CancellationToken ct) =>
            await credits.ProfileEventsAsync(billingProfileId, ct) is { } events
                ? TypedResults.Ok(new OperatorList<CreditEventReply>([.. events.Select(CreditEventReply.Of)]))
                : ArmError.NotFound($"Billing profile '{billingProfileId}'"))
            .WithTags(OperatorTags.Credits);
        ops.MapGet("/billingProfiles/{billingProfileId:guid}/creditAlerts", async Task<Results<Ok<CreditAlertsReply>, JsonHttpResult<ArmErrorBody>>> (
                Guid billingProfileId, CreditAlertSettings alerts, CancellationToken ct) =>
            await alerts.ListAsync(billingProfileId, ct) is { } views
                ? TypedResults.Ok(CreditAlertsReply.Of(billingProfileId, views))
                : ArmError.NotFound($"Billing profile '{billingProfileId}'"))
            .WithTags(OperatorTags.Credits);
        ops.MapPut("/billingProfiles/{billingProfileId:guid}/creditAlerts", async (Guid billingProfileId, NewCreditAlerts body, CreditAlertSettings alerts, CancellationToken ct) =>
            (await alerts.ReplaceAsync(billingProfileId, body, ct)).Ok(views => CreditAlertsReply.Of(billingProfileId, views)))
            .WithTags(OperatorTags.Credits);
        return ops;
    }
}
