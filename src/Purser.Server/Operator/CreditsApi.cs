using Purser.Engine.Credits;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>A granted credit lot as the operator API answers it: amounts as numbers in the lot's currency, never internal types.</summary>
public sealed record CreditGrantReply(Guid Id, Guid BillingProfileId, string Source, decimal Amount, string Currency, decimal ClosedBalance,
    decimal CurrentBalance, DateTimeOffset StartDate, DateTimeOffset ExpirationDate, string PoNumber, string Status)
{
    public static CreditGrantReply Of(CreditLotView lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new(lot.Id, lot.BillingProfileId, lot.Source, StoredDecimal.Plain(lot.OriginalAmount.Amount), lot.OriginalAmount.Currency.Code,
            StoredDecimal.Plain(lot.ClosedBalance.Amount), StoredDecimal.Plain(lot.CurrentBalance.Amount), lot.StartDate, lot.ExpirationDate,
            lot.PoNumber, lot.Status.ToString());
    }
}

/// <summary>Operator API: credit grants to billing profiles.</summary>
public static class CreditsApi
{
    public static RouteGroupBuilder MapCreditsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/credits", async (NewCreditGrant body, HttpContext http, CreditCommands credits, CancellationToken ct) =>
            (await credits.GrantAsync(body, http.IdempotencyKey(), ct)).Created(CreditGrantReply.Of))
            .WithIdempotencyKey().WithTags(OperatorTags.Credits);
        return ops;
    }
}
