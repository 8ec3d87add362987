using System.Diagnostics;
using System.Net.Http.Json;
using Purser.Engine;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Authorization;

/// <summary>
/// T-AUTHZ: every caller against every endpoint the server maps, on each of three target profiles
/// (tenant A's Main and Other, tenant B's Main), expecting exactly the status R-ROLES gives; another
/// tenant's resource is 404, never 403 or 200; every refusal is an ARM error body; and no answer shows
/// a caller an account, profile, invoice or subscription they may not read.
/// </summary>
public class AuthorizationMatrixTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_caller_on_every_endpoint_gets_exactly_what_R_ROLES_says(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, AuthzWorld.Start);
        var world = await AuthzWorld.BuildAsync(api);
        var endpoints = DiscoveredEndpoints.Of(api.Services);
        var failures = new List<string>();
        failures.AddRange(endpoints.Where(e => !EndpointTable.All.ContainsKey(e.Key)).Select(e => $"unclassified endpoint: {e.Key}"));
        failures.AddRange(EndpointTable.All.Keys.Except(endpoints.Select(e => e.Key)).Select(k => $"table entry matches no endpoint: {k}"));

        using var op = api.Operator();
        var clients = world.Callers.ToDictionary(c => c, c => api.Client(c.Token));
        var clock = Stopwatch.StartNew();
        var cells = 0;
        foreach (var endpoint in endpoints.Where(e => EndpointTable.All.ContainsKey(e.Key)))
        {
            foreach (var spec in EndpointTable.All[endpoint.Key].Cases)
            {
                foreach (var target in world.Targets)
                {
                    // The callers of one cell run side by side: each request has its own fresh data.
                    var problems = await Task.WhenAll(world.Callers.Select(caller => CheckAsync(world, op, clients[caller], endpoint, spec, target, caller)));
                    cells += problems.Length;
                    failures.AddRange(problems.OfType<string>());
                }
            }
        }
        foreach (var client in clients.Values)
            client.Dispose();
        failures.AddRange(await OperatorProbes.RunAsync(world, op, endpoints));
        output.WriteLine($"{engine}: {cells} cells ({endpoints.Count} endpoints, {EndpointTable.All.Values.Sum(e => e.Cases.Count())} cases × {world.Targets.Count} targets × {world.Callers.Count} callers) in {clock.Elapsed}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong on {engine}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    private static async Task<string?> CheckAsync(AuthzWorld world, HttpClient op, HttpClient http, DiscoveredEndpoint endpoint, EndpointCase spec,
        AuthzTarget target, AuthzCaller caller)
    {
        var context = new RequestContext(world, target, op);
        if (spec.Setup is not null)
            await spec.Setup(context);
        var (path, unknown) = EndpointCase.Fill(endpoint.Pattern, context);
        var (extra, unknownInQuery) = EndpointCase.Fill(spec.Query, context);
        if (unknown.Count + unknownInQuery.Count > 0)
            return $"unclassified route parameter(s) {string.Join(", ", unknown.Concat(unknownInQuery))} in {endpoint.Key}";
        var query = string.Join("&", new[] { EndpointCase.ApiVersion(endpoint.Pattern), extra }.Where(q => q.Length > 0));
        using var request = new HttpRequestMessage(endpoint.HttpMethod, query.Length == 0 ? path : $"{path}?{query}");
        if (spec.Body is not null)
            request.Content = JsonContent.Create(spec.Body(context));
        if (endpoint.HttpMethod != HttpMethod.Get)
            request.Headers.Add("Idempotency-Key", $"authz-{context.N}");

        using var response = await http.SendAsync(request);
        var actual = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var expected = ExpectedAccess.Expected(spec.Access, spec.Success, caller, target);
        var cell = $"{endpoint.Method} {path} [{target}] as {caller}";
        if (ExpectedAccess.IsTenantResource(spec.Access) && caller.IsAuthenticated && !caller.IsOperator && caller.Tenant != target.Tenant && actual != 404)
            return $"CROSS-TENANT {cell}: another tenant's resource answered {actual}, must be 404: {Trim(text)}";
        if (actual != expected)
            return $"{cell}: expected {expected}, got {actual}: {Trim(text)}";
        if (actual >= 400)
        {
            if (ResponseChecks.ArmError(text) is { } bad)
                return $"{cell}: {actual} without an ARM error body ({bad}): {Trim(text)}";
            return spec.AfterRefusal is null ? null : await spec.AfterRefusal(context) is { } changed ? $"{cell}: refused, yet {changed}" : null;
        }
        return caller.IsOperator || spec.Access == Access.Open ? null : ResponseChecks.Leak(world, caller, spec.Access, text) is { } leak ? $"{cell}: {leak}" : null;
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
