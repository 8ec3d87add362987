using Purser.Engine.Credits;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: credit grants to billing profiles.</summary>
public static class CreditsApi
{
    public static RouteGroupBuilder MapCreditsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/credits", async (NewCreditGrant body, HttpContext http, CreditCommands credits, CancellationToken ct) =>
            (await credits.GrantAsync(body, http.Request.Headers[IdempotencyKeys.Header].ToString(), ct)).Created())
            .WithIdempotencyKey().WithTags("Credits");
        return ops;
    }
}
