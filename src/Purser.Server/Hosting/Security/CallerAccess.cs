using Purser.Core;
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

    public const string OperatorPolicy = "PurserOperator";
    public const string OperatorClaim = "purser:operator";

    /// <summary>
    /// Lets only operators through to a group of endpoints. The policy refuses in the authorization
    /// middleware, before the request body is read, so a customer gets 403 whatever they send (T-AUTHZ);
    /// the filter is a second line should the policy ever be bypassed.
    /// </summary>
    public static RouteGroupBuilder RequireOperator(this RouteGroupBuilder group) =>
        group.RequireAuthorization(OperatorPolicy).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Caller().IsOperator
                ? await next(context)
                : ArmError.Result(RefusalCode.AuthorizationFailed, "This operation needs the operator role."));

    public static IResult? Deny(AccessDecision decision, string what) => decision switch
    {
        AccessDecision.Allowed => null,
        AccessDecision.Forbidden => ArmError.Forbidden(),
        _ => ArmError.NotFound(what),
    };
}
