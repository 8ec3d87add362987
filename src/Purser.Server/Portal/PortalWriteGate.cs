using Purser.Engine.Access;

namespace Purser.Server.Portal;

/// <summary>
/// Refuses a form post that changes billing or a person's details (pay, edit, partner, cancel, new subscription, profile)
/// before Blazor reads the form: whoever the page would refuse gets 403, another tenant 404, whatever the post carries,
/// as the API refuses (R-ROLES). The pages hide the controls too; this is the server's own refusal.
/// </summary>
internal static class PortalWriteGate
{
    public static void UsePortalWriteGate(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && Gated(http.Request.Path) is { } decide)
        {
            var access = http.RequestServices.GetRequiredService<PortalAccess>();
            var decision = await access.CallerAsync(http) is { } caller
                ? await decide(access, caller, http.RequestAborted)
                : AccessDecision.NotFound;
            if (decision != AccessDecision.Allowed)
            {
                await PortalRefusal.Of(decision).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    private delegate Task<AccessDecision> Decision(PortalAccess access, Caller caller, CancellationToken ct);

    // The decision each page makes of its own posts; any other path is not a portal write.
    private static Decision? Gated(PathString path)
    {
        var parts = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            ["portal", "subscriptions", "new"] => (access, caller, ct) => access.NewSubscriptionAsync(caller, ct),
            ["portal", "profile"] => (_, caller, _) => Task.FromResult(PortalAccess.EditProfile(caller)),
            ["portal", "subscriptions", var id, "cancel"] when Guid.TryParse(id, out var subscriptionId) =>
                async (access, caller, ct) => (await access.CancelAsync(caller, subscriptionId, ct)).Decision,
            ["portal", "subscriptions", var id, "pay" or "edit" or "partner"] when Guid.TryParse(id, out var subscriptionId) =>
                (access, caller, ct) => access.DecideAsync(caller, subscriptionId, write: true, ct),
            _ => null,
        };
    }
}
