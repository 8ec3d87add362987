using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Hosting;

/// <summary>/readyz: 200 only with the database reachable, no migration pending and the workers running; else 503 naming the check.</summary>
public sealed class ReadinessTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Ready_while_the_workers_run_and_not_once_they_stopped_while_still_live(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var anonymous = api.Client(null);

        var ready = await ChecksAsync(anonymous, "/readyz", HttpStatusCode.OK);
        Assert.Equal(["migrations", "storage", "workers"], ready.Keys.Order(StringComparer.Ordinal));
        Assert.All(ready.Values, c => Assert.Equal("Healthy", c.Status));

        await api.StopBackgroundWorkAsync();

        var notReady = await ChecksAsync(anonymous, "/readyz", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", notReady["workers"].Status);
        Assert.Contains("RatingWorker", notReady["workers"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", notReady["storage"].Status);
        Assert.Equal("Healthy", (await ChecksAsync(anonymous, "/healthz", HttpStatusCode.OK))["storage"].Status);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Not_ready_while_a_migration_is_pending(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var anonymous = api.Client(null);
        string latest;
        await using (var db = api.Database.Store.CreateContext())
        {
            // The schema stays as it is; only the record that the newest migration ran goes, as on a database an older build migrated.
            latest = db.Database.GetMigrations().Last();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {latest}"""));
        }

        var checks = await ChecksAsync(anonymous, "/readyz", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Unhealthy", checks["migrations"].Status);
        Assert.Equal($"1 migrations pending: {latest}", checks["migrations"].Description);
        Assert.Equal("Healthy", checks["workers"].Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    private sealed record Check(string Status, string Description);

    private static async Task<Dictionary<string, Check>> ChecksAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path} answered {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(
            c => c.Name, c => new Check(c.Value.GetProperty("status").GetString()!, c.Value.GetProperty("description").GetString()!));
    }
}
