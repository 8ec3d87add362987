using Purser.Engine.Access;

namespace Purser.Server.Portal;

/// <summary>The plain answer to a portal request the server refuses outside a page (a form post, a file): 403, or 404 for what the caller may not know of.</summary>
internal static class PortalRefusal
{
    public static IResult Of(AccessDecision decision) => decision == AccessDecision.Forbidden
        ? Results.Text("403 Forbidden", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
        : Results.Text("404 Not Found", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
