using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Purser.Testing;

/// <summary>
/// Debian's PgBouncer (package pgbouncer, which test.sh installs) in transaction pooling mode in front of the test run's
/// PostgreSQL, as docs/scaling.md deploys it: a client's transactions share a few server connections with every other
/// client's. It refuses to run as root, so under root the <c>postgres</c> user runs it, in the foreground, as the test's
/// child, killed when disposed.
/// </summary>
public sealed class PgBouncer : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/pgbouncer";
    private readonly CapturedProcess _process;
    private readonly string _folder;

    private PgBouncer(CapturedProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The configuration docs/scaling.md shows: transaction pooling, <paramref name="poolSize"/> server connections per database.</summary>
    public static string Configuration(int port, int upstreamPort, int poolSize) => string.Create(CultureInfo.InvariantCulture, $"""
        [databases]
        * = host=127.0.0.1 port={upstreamPort}

        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = {port}
        unix_socket_dir =
        pool_mode = transaction
        default_pool_size = {poolSize}
        max_client_conn = 500
        auth_type = trust
        auth_file = users.txt
        ignore_startup_parameters = extra_float_digits
        """);

    /// <summary>Starts PgBouncer in front of <see cref="PostgresCluster.Instance"/> and returns once it accepts connections.</summary>
    public static async Task<PgBouncer> StartAsync(int poolSize, TimeSpan timeout)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} not found; ./test.sh installs the Debian package 'pgbouncer'.");
        var tools = PostgresTools.Find();
        var folder = tools.NewRoot("purser-pgbouncer-");
        var port = PurserProcess.FreePort();
        var config = Path.Combine(folder, "pgbouncer.ini");
        await File.WriteAllTextAsync(config, Configuration(port, PostgresCluster.Instance.Port, poolSize));
        await File.WriteAllTextAsync(Path.Combine(folder, "users.txt"), "\"purser\" \"\"\n");
        var start = tools.AsPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", Executable, config])
            : new ProcessStartInfo(Executable, [config]);
        start.WorkingDirectory = folder;
        var bouncer = new PgBouncer(CapturedProcess.Start(start, "pgbouncer"), folder, port);
        try
        {
            await bouncer.WaitUntilListeningAsync(timeout);
            return bouncer;
        }
        catch
        {
            await bouncer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The same database as <paramref name="direct"/>, reached through the pooler.</summary>
    public Task<TestDatabase> OverAsync(TestDatabase direct)
    {
        ArgumentNullException.ThrowIfNull(direct);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(direct.ConnectionString).Database;
        return TestDatabase.MigratedAtAsync(string.Create(CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Username=purser;Database={name};Maximum Pool Size=40;Timeout=30;Command Timeout=120"));
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"pgbouncer exited:\n{_process.Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
        }
    }

    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
