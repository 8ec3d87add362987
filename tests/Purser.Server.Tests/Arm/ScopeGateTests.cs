using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Purser.Server.Arm;
using Purser.Server.Hosting;

namespace Purser.Server.Tests.Arm;

/// <summary>
/// The ARM surface's one access check: every ARM route declares what it needs at the scope it names
/// (so none reaches its handler unjudged), the declaration is read from the route, and the gate does
/// not let an undeclared endpoint through.
/// </summary>
public class ScopeGateTests
{
    [Fact]
    public async Task Every_ARM_route_declares_the_scope_it_needs()
    {
        await using var app = PurserHost.Build(new ServerSettings("Data Source=scope-gate-tests.db", "http://127.0.0.1:0", LoadDemoWhenEmpty: false, ScheduleBilling: false));
        var arm = RouteEndpoints(app).Where(e => IsArm(e.RoutePattern.RawText)).ToList();

        Assert.True(arm.Count >= 30, $"only {arm.Count} ARM routes found: the test no longer sees the ARM surface");
        var undeclared = arm.Where(e => e.Metadata.GetMetadata<ScopeRequirement>() is null).Select(e => e.DisplayName).ToList();
        Assert.True(undeclared.Count == 0, $"ARM routes without RequiresScope: {string.Join(", ", undeclared)}");
    }

    [Theory]
    [InlineData("/providers/Microsoft.Billing/billingAccounts", Permission.AnyCaller, ScopeKind.None)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}", Permission.Member, ScopeKind.Account)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/invoices", Permission.ReadSome, ScopeKind.Account)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/providers/Microsoft.Consumption/budgets/{name}", Permission.Write, ScopeKind.Account)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}/invoices", Permission.Read, ScopeKind.Profile)]
    [InlineData("/subscriptions/{subscription}/providers/Microsoft.Consumption/budgets/{name}", Permission.Write, ScopeKind.Subscription)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/invoices/{invoiceName}/transactions", Permission.Read, ScopeKind.Invoice)]
    public void The_scope_is_the_one_the_route_names(string route, Permission permission, ScopeKind kind) =>
        Assert.Equal(new ScopeRequirement(kind, permission), ScopeRequirement.For(RoutePatternFactory.Parse(route), permission));

    [Theory]
    [InlineData("/providers/Microsoft.Billing/billingAccounts", Permission.Read)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}", Permission.AnyCaller)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}", Permission.Member)]
    [InlineData("/subscriptions/{subscription}/providers/Microsoft.Consumption/usageDetails", Permission.ReadSome)]
    [InlineData("/providers/Microsoft.Billing/billingAccounts/{account}/invoices/{invoiceName}", Permission.Write)]
    public void A_permission_the_routes_scope_cannot_be_judged_by_is_refused(string route, Permission permission) =>
        Assert.Throws<InvalidOperationException>(() => ScopeRequirement.For(RoutePatternFactory.Parse(route), permission));

    [Fact]
    public async Task The_gate_lets_no_request_through_to_an_endpoint_that_declares_nothing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();
        var reached = new List<string>();
        var group = app.MapGroup("/providers/Microsoft.Billing").GateScopes();
        group.MapGet("/declared", () => reached.Add("declared")).RequiresScope(Permission.AnyCaller);
        group.MapGet("/undeclared", () => reached.Add("undeclared"));
        var endpoints = RouteEndpoints(app).ToDictionary(e => e.RoutePattern.RawText!.Split('/')[^1]);

        await endpoints["declared"].RequestDelegate!(Request(app, endpoints["declared"]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => endpoints["undeclared"].RequestDelegate!(Request(app, endpoints["undeclared"])));

        Assert.Equal(["declared"], reached);
    }

    private static IEnumerable<RouteEndpoint> RouteEndpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();

    private static bool IsArm(string? pattern) =>
        pattern is not null && (pattern.TrimStart('/').StartsWith("providers/", StringComparison.Ordinal)
            || pattern.TrimStart('/').StartsWith("subscriptions/", StringComparison.Ordinal));

    private static DefaultHttpContext Request(WebApplication app, Endpoint endpoint)
    {
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.Response.Body = new MemoryStream();
        http.SetEndpoint(endpoint);
        return http;
    }
}
