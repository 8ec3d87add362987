using System.Net;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

/// <summary>
/// The configuration stack, run as a process: appsettings.json &lt; appsettings.{Environment}.json &lt; PURSER_* &lt;
/// ASPNETCORE_* and Purser__* variables &lt; flags. The files are read from the content root the test points at.
/// </summary>
public sealed class ConfigurationStackTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("purser-config-").FullName;

    [Fact]
    public async Task Each_source_of_the_data_folder_beats_the_ones_before_it_and_a_flag_beats_them_all()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """{ "Purser": { "Storage": { "DataDirectory": "from-json" } } }""");
        var environment = new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = _dir };
        Assert.Equal("from-json", await MigratedFolderAsync(environment));

        File.WriteAllText(Path.Combine(_dir, "appsettings.Staging.json"), """{ "Purser": { "Storage": { "DataDirectory": "from-staging-json" } } }""");
        environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        Assert.Equal("from-staging-json", await MigratedFolderAsync(environment));

        environment["PURSER_DATA"] = "from-alias";
        Assert.Equal("from-alias", await MigratedFolderAsync(environment));

        environment["Purser__Storage__DataDirectory"] = "from-variable";
        Assert.Equal("from-variable", await MigratedFolderAsync(environment));

        Assert.Equal("from-flag", await MigratedFolderAsync(environment, "--data-dir", "from-flag"));
    }

    [Fact]
    public async Task Serve_listens_where_ASPNETCORE_URLS_says_over_appsettings_json_and_where_the_urls_flag_says_over_both()
    {
        var (json, variable, flag) = (Address(), Address(), Address());
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), $$"""{ "urls": "{{json}}" }""");
        var environment = new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = _dir, ["ASPNETCORE_URLS"] = variable };

        await using (var serve = PurserProcess.Start(_dir, environment, "--no-demo"))
            await AssertListensOnlyOnAsync(serve, variable, json);
        await using (var serve = PurserProcess.Start(_dir, environment, "--no-demo", "--urls", flag))
            await AssertListensOnlyOnAsync(serve, flag, variable);
    }

    [Theory]
    [InlineData("flag", "Purser:Mail:SmtpPort must be between 1 and 65535 (got 70000)")]
    [InlineData("json", "Purser:Notifications:WeeklyReminderHour must be an hour between 0 and 23 (got 24)")]
    [InlineData("variable", "Purser:Mail:Security must be one of StartTls, Tls, None (got 'Ssl')")]
    [InlineData("alias", "Purser:Mail:SmtpPort must be a whole number (got 'smtp')")]
    public async Task A_bad_setting_stops_serve_with_one_line_naming_its_key(string source, string expected)
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_CONTENTROOT"] = _dir };
        string[] args = ["--no-demo", "--urls", Address()];
        switch (source)
        {
            case "json":
                File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """{ "Purser": { "Notifications": { "WeeklyReminderHour": 24 } } }""");
                break;
            case "flag":
                args = [.. args, "--smtp-port", "70000"];
                break;
            case "variable":
                environment["Purser__Mail__Security"] = "Ssl";
                break;
            case "alias":
                environment["PURSER_SMTP_PORT"] = "smtp";
                break;
        }

        await using var serve = PurserProcess.Start(_dir, environment, args);

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        Assert.Equal("purser: " + expected, serve.Output.Trim());
    }

    private async Task<string> MigratedFolderAsync(IReadOnlyDictionary<string, string> environment, params string[] flags)
    {
        await using var migrate = PurserProcess.Start(_dir, environment, ["migrate", .. flags]);
        Assert.Equal(0, await migrate.WaitForExitAsync(Timeout));
        var folder = Directory.GetDirectories(_dir).Select(Path.GetFileName).Single(d => File.Exists(Path.Combine(_dir, d!, "purser.db")));
        Assert.Contains(Path.Combine(_dir, folder!, "purser.db"), migrate.Output, StringComparison.Ordinal);
        Directory.Delete(Path.Combine(_dir, folder!), recursive: true);
        return folder!;
    }

    private static async Task AssertListensOnlyOnAsync(PurserProcess serve, string address, string notThere)
    {
        using var http = new HttpClient();
        using var health = await serve.WaitForAsync(http, address + "/healthz", Timeout);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains($"Purser is listening on {address}", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(notThere, serve.Output, StringComparison.Ordinal);
    }

    private static string Address() => $"http://127.0.0.1:{PurserProcess.FreePort()}";

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
