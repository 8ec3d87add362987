using System.Text.RegularExpressions;

namespace Purser.Server.Tests.Authorization;

/// <summary>What one request of the matrix addresses: the world, the target profile, a fresh number, and the route values to fill in.</summary>
internal sealed class RequestContext(AuthzWorld world, AuthzTarget target, HttpClient op)
{
    public AuthzWorld World { get; } = world;
    public AuthzTarget Target { get; } = target;
    public HttpClient Operator { get; } = op;
    public int N { get; } = world.Next();
    public DateTimeOffset Now => World.Api.Clock.GetUtcNow();

    /// <summary>Route parameter values, by name, for the target; a setup step may replace one (a fresh meter, a budget to delete).</summary>
    public Dictionary<string, string> Route { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account"] = Uri.EscapeDataString(target.AccountName),
        ["profile"] = target.ProfileName,
        ["subscription"] = target.SubscriptionId.ToString(),
        ["subscriptionId"] = target.SubscriptionId.ToString(),
        ["invoiceName"] = target.InvoiceName,
        ["period"] = "201910",
        ["name"] = AuthzWorld.StandingBudget,
        ["partnerId"] = world.PartnerId,
        ["billingAccountId"] = target.AccountId.ToString(),
        ["billingProfileId"] = target.ProfileId.ToString(),
        ["documentName"] = "v1",
    };

    public string AccountPath => $"/providers/Microsoft.Billing/billingAccounts/{Route["account"]}";
    public string ProfilePath => $"{AccountPath}/billingProfiles/{Route["profile"]}";
    public string SubscriptionPath => $"/subscriptions/{Route["subscription"]}";
}

/// <summary>
/// How to call one endpoint: who it is for, the status a permitted caller gets, any query beyond the
/// api-version (route values in braces are filled in too), a valid body (fresh per call), a step the operator
/// runs first (a budget to delete, a meter to price), and further cases of the same endpoint (a download by profile, by subscription).
/// </summary>
internal sealed partial record EndpointCase(
    Access Access,
    int Success = 200,
    string Query = "",
    Func<RequestContext, object>? Body = null,
    Func<RequestContext, Task>? Setup = null)
{
    /// <summary>Other ways to call the same endpoint, each its own row of the matrix.</summary>
    public IReadOnlyList<EndpointCase> More { get; init; } = [];

    public IEnumerable<EndpointCase> Cases => [this, .. More];

    /// <summary>After a refusal, what must still hold (the budget a refused PUT named does not exist); null when it does.</summary>
    public Func<RequestContext, Task<string?>>? AfterRefusal { get; init; }

    /// <summary>The api-version each provider's routes need; the operator API, health and docs take none.</summary>
    public static string ApiVersion(string pattern) =>
        pattern.Contains("/providers/Microsoft.Consumption/", StringComparison.Ordinal) ? "api-version=2021-10-01"
        : pattern.StartsWith("/providers/Microsoft.Billing/", StringComparison.Ordinal) ? "api-version=2020-05-01"
        : "";

    /// <summary>The concrete path of a route pattern, or the names of the parameters the context has no value for.</summary>
    public static (string Path, IReadOnlyList<string> Unknown) Fill(string pattern, RequestContext context)
    {
        var unknown = new List<string>();
        var path = Parameter().Replace(pattern, m =>
        {
            if (context.Route.TryGetValue(m.Groups["name"].Value, out var value))
                return value;
            unknown.Add(m.Groups["name"].Value);
            return "x";
        });
        return (path, unknown);
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
