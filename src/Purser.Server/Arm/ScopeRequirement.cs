using Microsoft.AspNetCore.Routing.Patterns;

namespace Purser.Server.Arm;

/// <summary>
/// The access an ARM endpoint declares, as endpoint metadata: the scope its route names and the
/// permission it needs there. <see cref="ScopeGate"/> reads it and decides before the handler runs.
/// </summary>
public sealed record ScopeRequirement(ScopeKind Kind, Permission Permission)
{
    /// <summary>
    /// The requirement of an endpoint on <paramref name="pattern"/>. A permission the route's scope cannot be
    /// judged by (a role on a route that names no scope, anything but Read of an invoice, membership of a
    /// profile) is refused, so a wrong declaration fails when the endpoints are built.
    /// </summary>
    public static ScopeRequirement For(RoutePattern pattern, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var kind = KindOf(pattern);
        var judged = (kind, permission) switch
        {
            (ScopeKind.None, Permission.AnyCaller) => true,
            (ScopeKind.Account, not Permission.AnyCaller) => true,
            (ScopeKind.Profile or ScopeKind.Subscription, Permission.Read or Permission.Write) => true,
            (ScopeKind.Invoice, Permission.Read) => true,
            _ => false,
        };
        return judged ? new ScopeRequirement(kind, permission)
            : throw new InvalidOperationException($"'{pattern.RawText}' names a scope of kind {kind}, where {permission} cannot be required.");
    }

    private static ScopeKind KindOf(RoutePattern pattern)
    {
        bool Names(string parameter) => pattern.GetParameter(parameter) is not null;
        if (Names("invoiceName"))
            return ScopeKind.Invoice;
        if (Names("subscription"))
            return ScopeKind.Subscription;
        if (Names("profile"))
            return ScopeKind.Profile;
        return Names("account") ? ScopeKind.Account : ScopeKind.None;
    }
}
