using Purser.Engine.Payments;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>
/// Operator API: payments for prepaid subscriptions (R-PAY-MIN, R-LOT-12M, R-REACTIVATE, R-TRIAL) and
/// payments received against issued invoices (R-INVNUM).
/// </summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/payments", async (NewPayment body, HttpContext http, PaymentCommands payments, CancellationToken ct) =>
            (await payments.PayAsync(body, http.IdempotencyKey(), ct)).Created(PaymentReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Payments);
        ops.MapPost("/invoices/{invoiceId:guid}/payments", async (Guid invoiceId, NewInvoicePayment body, HttpContext http, InvoicePaymentCommands payments, CancellationToken ct) =>
            (await payments.PayAsync(invoiceId, body, http.IdempotencyKey(), ct)).Created(InvoicePaymentReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Payments);
        return ops;
    }
}
