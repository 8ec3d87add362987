using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Catalog;
using Purser.Engine.Invoicing;
using Purser.Engine.Partners;
using Purser.Server.Downloads;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Operator;

/// <summary>Operator API: meters (R-CE) and partners (R-PARTNER).</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/meters", async (NewMeter body, CatalogCommands catalog, CancellationToken ct) =>
            (await catalog.CreateMeterAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Catalog);
        ops.MapGet("/meters", async (CatalogCommands catalog, CancellationToken ct) =>
            TypedResults.Ok(new OperatorList<MeterView>(await catalog.ListMetersAsync(ct)))).WithTags(OperatorTags.Catalog);
        ops.MapPost("/meters/{meterId:guid}/prices", async (Guid meterId, NewPriceVersion body, CatalogCommands catalog, CancellationToken ct) =>
            (await catalog.AddPriceAsync(meterId, body, ct)).Created(PriceVersionReply.Of)).WithIdempotencyKey().WithTags(OperatorTags.Catalog);
        ops.MapPost("/partners", async (NewPartner body, PartnerCommands partners, CancellationToken ct) =>
            (await partners.CreateAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Partners);
        ops.MapGet("/partners/{partnerId}", async (string partnerId, PartnerCommands partners, CancellationToken ct) =>
            (await partners.CheckAsync(partnerId, ct)).Ok()).WithTags(OperatorTags.Partners);
        ops.MapGet("/partners/{partnerId}/reconciliation/{period}", (string partnerId, string period, HttpContext http, ReconciliationQueries recon) =>
            ReconciliationDownload.AnswerAsync(http.Caller(), partnerId, period, recon, http.RequestAborted))
            .Produces<string>(StatusCodes.Status200OK, "text/csv").WithTags(OperatorTags.Partners);
        return ops;
    }
}
