using Purser.Engine.Access;

namespace Purser.Server.Portal;

/// <summary>
/// Refuses a form post that changes billing (Pay again / Upgrade now) before Blazor reads the form:
/// a reader gets 403 and another tenant 404, whatever the post carries, as the API refuses (R-ROLES).
/// The page hides the control too; this is the server's own refusal.
/// </summary>
internal static class PortalWriteGate
{
    public static void UsePortalWriteGate(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && PaidSubscription(http.Request.Path) is { } subscriptionId)
        {
            var access = http.RequestServices.GetRequiredService<PortalAccess>();
            var decision = await access.CallerAsync(http) is { } caller
                ? await access.DecideAsync(caller, subscriptionId, write: true, http.RequestAborted)
                : AccessDecision.NotFound;
            if (decision != AccessDecision.Allowed)
            {
                await PortalRefusal.Of(decision).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    // /portal/subscriptions/{id}/pay
    private static Guid? PaidSubscription(PathString path)
    {
        var parts = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["portal", "subscriptions", var id, "pay"] && Guid.TryParse(id, out var subscriptionId) ? subscriptionId : null;
    }
}
