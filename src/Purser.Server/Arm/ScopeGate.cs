using Purser.Engine.Access;
using Purser.Engine.Consumption;
using Purser.Engine.Invoicing;
using Purser.Server.Arm.Billing;

namespace Purser.Server.Arm;

/// <summary>
/// The ARM surface's one access check (R-ROLES). Each endpoint declares the permission it needs
/// (<see cref="RequiresScope"/>); the gate, a filter on the ARM route groups, resolves the scope the
/// route names, answers 404 (unknown, or another tenant's) or 403 before the handler runs, and hands
/// the handler what it found (<see cref="Scope"/>, <see cref="Reach"/>, <see cref="Invoice"/>).
/// </summary>
public static class ScopeGate
{
    /// <summary>Declares what the endpoint needs of the caller at the scope its route names.</summary>
    public static RouteHandlerBuilder RequiresScope(this RouteHandlerBuilder endpoint, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(builder => builder.Metadata.Add(ScopeRequirement.For(((RouteEndpointBuilder)builder).RoutePattern, permission)));
        return endpoint;
    }

    /// <summary>Lets a request through to an endpoint of the group only as its <see cref="ScopeRequirement"/> allows; an endpoint that declares none is a bug, not an open door.</summary>
    public static RouteGroupBuilder GateScopes(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var requirement = http.GetEndpoint()?.Metadata.GetMetadata<ScopeRequirement>()
                ?? throw new InvalidOperationException($"The ARM endpoint '{http.GetEndpoint()?.DisplayName}' declares no scope requirement (RequiresScope).");
            var (resolved, denied) = await ScopeResolution.DecideAsync(http, requirement);
            if (denied is not null)
                return denied;
            http.Items[typeof(ResolvedScope)] = resolved;
            return await next(context);
        });

    /// <summary>The billing scope the caller was let through to: the account, profile, a subscription's profile or an invoice's profile.</summary>
    public static BillingScope Scope(this HttpContext http) => Resolved(http).Billing ?? throw Undeclared(http, "a billing scope");

    /// <summary>The scope as Microsoft.Consumption names it (a budget's scope).</summary>
    public static ConsumptionScope ConsumptionScope(this HttpContext http) => Resolved(http).Consumption ?? throw Undeclared(http, "a billing scope");

    /// <summary>What of the account the caller may read, for <see cref="Permission.Member"/> and <see cref="Permission.ReadSome"/>.</summary>
    public static AccountReach Reach(this HttpContext http) => Resolved(http).Reach ?? throw Undeclared(http, "an account's reach");

    /// <summary>The invoice the route names, which the caller may read.</summary>
    public static InvoiceRecord Invoice(this HttpContext http) => Resolved(http).Invoice ?? throw Undeclared(http, "an invoice");

    private static ResolvedScope Resolved(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[typeof(ResolvedScope)] as ResolvedScope ?? throw Undeclared(http, "a resolved scope");
    }

    private static InvalidOperationException Undeclared(HttpContext http, string what) =>
        new($"The endpoint '{http.GetEndpoint()?.DisplayName}' reads {what} its scope requirement does not resolve.");
}
