using Purser.Engine.Access;

namespace Purser.Server.Hosting.Security;

public static class CallerAccess
{
    /// <summary>The authenticated caller; endpoints run only after authentication succeeded.</summary>
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(Caller)] as Caller
            ?? throw new InvalidOperationException("No authenticated caller on this request.");
    }

    /// <summary>Lets only operators through to a group of endpoints.</summary>
    public static RouteGroupBuilder RequireOperator(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Caller().IsOperator
                ? await next(context)
                : ArmError.Result(StatusCodes.Status403Forbidden, "AuthorizationFailed", "This operation needs the operator role."));

    public static IResult? Deny(AccessDecision decision, string what) => decision switch
    {
        AccessDecision.Allowed => null,
        AccessDecision.Forbidden => ArmError.Forbidden(),
        _ => ArmError.NotFound(what),
    };
}
