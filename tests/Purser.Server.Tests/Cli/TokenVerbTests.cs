using System.Net;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

/// <summary><c>purser token</c> as a process: issuing, listing without secrets, and revoking a leaked token from the shell.</summary>
public sealed class TokenVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("purser-token-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Tokens_issued_from_the_shell_are_listed_without_secrets_and_a_revoked_one_stops_working(StorageEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, migrated: false);
        var store = database.ConnectionString;
        const string email = "root@purser.test";

        var laptop = await RunAsync(0, "token", "--database", store, "--email", email, "--create-operator", "--name", "laptop");
        var ci = await RunAsync(0, "token", "--database", store, "--email", email, "--name", "ci");
        Assert.StartsWith("pst_", laptop, StringComparison.Ordinal);
        Assert.StartsWith("pst_", ci, StringComparison.Ordinal);

        var listed = await RunAsync(0, "token", "list", "--database", store, "--email", email);
        Assert.DoesNotContain(laptop, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ci, listed, StringComparison.Ordinal);
        var rows = Rows(listed);
        Assert.Equal(["ci", "laptop"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, r => Assert.Equal("-", r[4]));

        var revoked = await RunAsync(0, "token", "revoke", rows["laptop"][0], "--database", store);
        Assert.Contains($"Token {rows["laptop"][0]} ('laptop') revoked", revoked, StringComparison.Ordinal);
        var after = Rows(await RunAsync(0, "token", "list", "--database", store, "--email", email));
        Assert.NotEqual("-", after["laptop"][4]);
        Assert.Equal("-", after["ci"][4]);

        await using var api = await PurserApi.StartOnAsync(database, DateTimeOffset.UtcNow);
        using var leaked = api.Client(laptop);
        using var kept = api.Client(ci);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaked.GetAsync("/ops/meters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/ops/meters")).StatusCode);

        var unknown = Guid.NewGuid();
        Assert.Contains($"No token has the id '{unknown}'", await RunAsync(2, "token", "revoke", unknown.ToString(), "--database", store), StringComparison.Ordinal);
        Assert.Contains("No user has the e-mail 'nobody@purser.test'", await RunAsync(2, "token", "list", "--database", store, "--email", "nobody@purser.test"),
            StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(int exitCode, params string[] args)
    {
        await using var purser = PurserProcess.Start(_dir, args);
        Assert.Equal(exitCode, await purser.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        return purser.Output.Trim();
    }

    /// <summary>The listing's rows (after its header) by token name: id, name, created, expires, revoked.</summary>
    private static Dictionary<string, string[]> Rows(string listing)
    {
        var lines = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["id", "name", "created", "expires", "revoked"], lines[0].Split('\t'));
        return lines[1..].Select(l => l.Split('\t')).ToDictionary(r => r[1]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
