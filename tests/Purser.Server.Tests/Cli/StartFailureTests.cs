using System.Net;
using System.Net.Sockets;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

/// <summary>What stops serve before it serves, run as a process: one line saying what and where, exit 1, no stack trace.</summary>
public sealed class StartFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("purser-start-").FullName;

    [Fact]
    public async Task A_taken_port_is_one_line_naming_the_address()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        await using var serve = PurserProcess.Start(_dir, "--no-demo", "--urls", address);

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        AssertOneLine(serve.Output, $"purser: cannot listen on {address}: the address is already in use");
    }

    [Fact]
    public async Task A_postgres_nobody_listens_on_is_one_line_naming_host_and_port()
    {
        var port = PurserProcess.FreePort();

        await using var serve = PurserProcess.Start(_dir, "--no-demo", "--urls", $"http://127.0.0.1:{PurserProcess.FreePort()}",
            "--database", $"Host=127.0.0.1;Port={port};Database=purser;Username=purser;Timeout=5");

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        AssertOneLine(serve.Output, $"purser: the database PostgreSQL (127.0.0.1:{port}/purser) cannot be opened: ");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=notaport;Password=secret", "PostgreSQL")]
    [InlineData("Host=127.0.0.1;;=;Password=secret", "PostgreSQL")]
    [InlineData("Data Source=x.db;Mode=Sideways;Password=secret", "SQLite")]
    public async Task A_malformed_connection_string_is_one_line_naming_its_key_and_not_its_secrets(string database, string engine)
    {
        await using var serve = PurserProcess.Start(_dir, "--no-demo", "--urls", $"http://127.0.0.1:{PurserProcess.FreePort()}", "--database", database);

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        AssertOneLine(serve.Output, $"purser: Purser:Storage:Database is not a valid {engine} connection string: ");
        Assert.DoesNotContain("secret", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_file_that_cannot_be_created_is_one_line_naming_it()
    {
        var notAFolder = Path.Combine(_dir, "file");
        File.WriteAllText(notAFolder, "");
        var database = Path.Combine(notAFolder, "purser.db");

        await using var serve = PurserProcess.Start(_dir, "--no-demo", "--urls", $"http://127.0.0.1:{PurserProcess.FreePort()}", "--database", $"Data Source={database}");

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        AssertOneLine(serve.Output, $"purser: the database SQLite ({database}) cannot be opened: ");
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_made_is_one_line_naming_its_key()
    {
        var notAFolder = Path.Combine(_dir, "file");
        File.WriteAllText(notAFolder, "");

        await using var serve = PurserProcess.Start(_dir, "--no-demo", "--data-dir", Path.Combine(notAFolder, "data"));

        Assert.Equal(1, await serve.WaitForExitAsync(Timeout));
        AssertOneLine(serve.Output, $"purser: Purser:Storage:DataDirectory '{Path.Combine(notAFolder, "data")}' cannot be created: ");
    }

    /// <summary>The failure is the one line purser writes; log lines before it (storage ready) may stand, a stack trace may not.</summary>
    private static void AssertOneLine(string output, string startsWith)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith(startsWith, Assert.Single(lines, l => l.StartsWith("purser:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
