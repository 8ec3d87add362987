using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Billing;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: one-off charges, billing runs and invoice previews (R-OPS, R-INVOICE).</summary>
public static class BillingApi
{
    public static RouteGroupBuilder MapBillingApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/charges", async (NewCharge body, HttpContext http, ChargeCommands charges, CancellationToken ct) =>
            (await charges.RecordAsync(body, http.IdempotencyKey(), ct)).Created(ChargeReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Billing);
        // With a billing profile: that profile's period (201 and the invoice). Without: every profile's due periods (200 and a summary).
        ops.MapPost("/billingRuns", async Task<Results<Ok<BillingRunSummaryReply>, Created<InvoiceReply>, JsonHttpResult<ArmErrorBody>>> (
            NewBillingRun body, BillingRun run, CancellationToken ct) =>
        {
            if (body.BillingProfileId is null)
                return TypedResults.Ok(BillingRunSummaryReply.Of(await run.RunDueAsync(null, body.Period, progress: null, ct)));
            var closed = await run.CloseAsync(body, ct);
            return closed.IsAccepted ? TypedResults.Created((string?)null, InvoiceReply.Of(closed.Value)) : ArmError.From(closed.Refusal);
        })
            .WithIdempotencyKey().WithTags(OperatorTags.Billing);
        ops.MapGet("/billingProfiles/{billingProfileId:guid}/invoicePreview", async (Guid billingProfileId, BillingRun run, CancellationToken ct) =>
            (await run.PreviewAsync(billingProfileId, ct)).Ok(InvoicePreviewReply.Of)).WithTags(OperatorTags.Billing);
        return ops;
    }
}
