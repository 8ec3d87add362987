using System.Text;

namespace Purser.Server.Tests.Authorization;

/// <summary>
/// The operator API refuses a customer before it reads anything they sent: malformed JSON without an
/// Idempotency-Key still answers 403 (401 without a token), never a 400 that would show the body was parsed.
/// </summary>
internal static class OperatorProbes
{
    private static readonly string[] Probers = [AuthzCaller.Anonymous, "BillingAccountOwner", AuthzCaller.TenantBOwner];

    public static async Task<List<string>> RunAsync(AuthzWorld world, HttpClient op, IEnumerable<DiscoveredEndpoint> endpoints)
    {
        var failures = new List<string>();
        var target = world.Targets[0];
        foreach (var endpoint in endpoints.Where(e => e.Method is not ("GET" or "*") && EndpointTable.All.TryGetValue(e.Key, out var spec) && spec.Access == Access.OperatorOnly))
        {
            var context = new RequestContext(world, target, op);
            if (EndpointTable.All[endpoint.Key].Setup is { } setup)
                await setup(context);
            var (path, _) = EndpointCase.Fill(endpoint.Pattern, context);
            foreach (var caller in world.Callers.Where(c => Probers.Contains(c.Name)))
            {
                using var http = world.Api.Client(caller.Token);
                using var request = new HttpRequestMessage(endpoint.HttpMethod, path) { Content = new StringContent("{\"broken\": ", Encoding.UTF8, "application/json") };
                using var response = await http.SendAsync(request);
                var expected = caller.IsAuthenticated ? 403 : 401;
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != expected || ResponseChecks.ArmError(text) is not null)
                    failures.Add($"probe {endpoint.Method} {path} as {caller} with malformed JSON and no Idempotency-Key: expected {expected}, got {(int)response.StatusCode}: {text}");
            }
        }
        return failures;
    }
}
