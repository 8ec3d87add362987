using Purser.Engine;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// T-BADINPUT (SPEC §5): every mutating operator endpoint, fed every bad value its fields admit, answers a
/// 4xx ARM error naming the problem in the API's words (no .NET type in it, no internal type's members in
/// any reply) and leaves every table as it was; never a 500. One server per endpoint and engine; every
/// failing case is listed in the one assertion message.
/// </summary>
public class BadInputTests(ServerPerEngine servers) : IClassFixture<ServerPerEngine>
{
    public static TheoryData<StorageEngine, string> Endpoints => OperatorEndpoints.OnEveryEngine();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Bad_input_gets_a_4xx_arm_error_naming_the_field_and_writes_nothing(StorageEngine engine, string endpointName)
    {
        var endpoint = OperatorEndpoints.Named(endpointName);
        var (api, world) = await servers.GetAsync(engine);
        using var op = api.Operator();
        var cases = BadInputCases.For(endpoint);
        var failures = new List<string>();
        var before = await DbSnapshot.TakeAsync(api.Database.Store);

        foreach (var c in cases)
        {
            var reply = await OperatorRequests.SendAsync(op, endpoint.Method, c.Request.Path(world), c.Request.Body(world, servers.Next()), c.Request.ContentType,
                c.Request.WithKey ? Guid.NewGuid().ToString() : null);
            var after = await DbSnapshot.TakeAsync(api.Database.Store);
            var problem = Judge(c, reply, after, after.ChangesSince(before));
            if (problem is not null)
                failures.Add($"[{c}] {problem}");
            before = after;
        }

        Assert.True(failures.Count == 0,
            $"{endpoint.Method} {endpoint.Path(world)}: {failures.Count} of {cases.Count} bad-input cases failed:\n" + string.Join("\n", failures));
    }

    private static string? Judge(BadInputCase c, OperatorReply reply, DbSnapshot after, string changes)
    {
        var answered = $"{reply.Status} {Shorten(reply.Body)}";
        if (reply.Status >= 500)
            return $"server error: {answered}";
        if (WireWords.LeaksIn(reply.Body) is { } leak)
            return $"{leak}: {answered}";
        if (reply.Status is >= 200 and < 300)
        {
            if (!c.MayAccept)
                return $"accepted: {answered}; wrote: {changes}";
            return c.Verbatim is not null && !after.HoldsValue(c.Verbatim)
                ? $"accepted, but '{c.Verbatim}' is not stored verbatim; wrote: {changes}"
                : null;
        }
        var problems = new List<string>();
        if (!c.Statuses.Contains(reply.Status))
            problems.Add($"expected {string.Join(" or ", c.Statuses)}");
        if (reply.ArmError() is not { } error)
            problems.Add("no ARM error body");
        else if (c.Field is not null && !OperatorReply.Names(error, c.Field))
            problems.Add($"error does not name '{c.Field}'");
        if (changes.Length > 0)
            problems.Add($"wrote: {changes}");
        return problems.Count == 0 ? null : $"{string.Join("; ", problems)} — got {answered}";
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
