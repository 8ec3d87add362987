using Purser.Engine.Accounts;
using Purser.Server.Hosting;

namespace Purser.Server.Notifications;

/// <summary>
/// The one-click unsubscribe address of optional notices (RFC 8058): a mail program posts <c>List-Unsubscribe=One-Click</c>
/// to it and hears 200; the portal's unsubscribe page posts its button here and is sent back to say it is done. The
/// token is the credential, so neither a session nor an anti-forgery token is asked for.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static void MapUnsubscribe(this WebApplication app) =>
        app.MapPost($"{UnsubscribeLinks.OneClickPath}/{{token}}", async (HttpContext http, string token, UnsubscribeLinks links, UserProfileCommands people) =>
        {
            if (links.EmailOf(token) is not { } email || !await people.UnsubscribeAsync(email, http.RequestAborted))
                return (IResult)ArmError.NotFound("The unsubscribe link");
            var oneClick = http.Request.HasFormContentType
                && (await http.Request.ReadFormAsync(http.RequestAborted))["List-Unsubscribe"] == "One-Click";
            return oneClick ? Results.Ok() : Results.Redirect($"{UnsubscribeLinks.PagePath}/{token}?done=true", permanent: false, preserveMethod: false);
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
}
