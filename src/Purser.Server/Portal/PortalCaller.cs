using System.Security.Claims;
using Purser.Engine.Access;

namespace Purser.Server.Portal;

/// <summary>The caller a signed-in portal user acts as: the same <see cref="Caller"/> and role rules the API decides with.</summary>
internal static class PortalCaller
{
    public static ClaimsPrincipal Principal(Engine.Accounts.UserView user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Email)], PortalServices.Scheme));

    public static async Task<Caller?> CallerAsync(this HttpContext http, CallerDirectory callers)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(callers);
        return Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await callers.FindByUserAsync(id, http.RequestAborted)
            : null;
    }
}
