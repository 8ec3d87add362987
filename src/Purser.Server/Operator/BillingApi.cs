using Purser.Engine.Billing;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: one-off charges and billing runs (R-OPS, R-INVOICE).</summary>
public static class BillingApi
{
    public static RouteGroupBuilder MapBillingApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/charges", async (NewCharge body, HttpContext http, ChargeCommands charges, CancellationToken ct) =>
            (await charges.RecordAsync(body, http.Request.Headers[IdempotencyKeys.Header].ToString(), ct)).Created())
            .WithIdempotencyKey().WithTags("Billing");
        ops.MapPost("/billingRuns", async (NewBillingRun body, BillingRun run, CancellationToken ct) =>
            (await run.CloseAsync(body, ct)).Created())
            .WithIdempotencyKey().WithTags("Billing");
        return ops;
    }
}
