using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Purser.Testing;

/// <summary>
/// A throw-away PostgreSQL server that the test run starts itself: a temp data dir, a free
/// loopback port and its own socket dir, stopped when the test process exits.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _root;
    private readonly string _binDir;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string root, string binDir, bool asPostgresUser, int port)
    {
        _root = root;
        _binDir = binDir;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public static PostgresCluster Instance => Shared.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=purser;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=120";

    private static PostgresCluster Start()
    {
        var binDir = FindBinDir();
        var root = Path.Combine(Path.GetTempPath(), "purser-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        // initdb refuses to run as root; the Debian package's postgres user owns the cluster then.
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
            Run("chown", ["-R", "postgres", root]);

        var port = FreeLoopbackPort();
        var cluster = new PostgresCluster(root, binDir, asPostgresUser, port);
        cluster.Pg("initdb", "-D", Path.Combine(root, "data"), "-U", "purser", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        cluster.Pg("pg_ctl", "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {Path.Combine(root, "sock")} -c listen_addresses=127.0.0.1 -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The test host may be torn down mid-delete; ./test.sh sweeps what is left.
        }
    }

    private void Pg(string tool, params string[] args)
    {
        var exe = Path.Combine(_binDir, tool);
        if (_asPostgresUser)
            Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else
            Run(exe, args);
    }

    private static void Run(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', psi.ArgumentList)} exited {p.ExitCode}: {stderr}{stdout.Result}");
    }

    private static string FindBinDir()
    {
        var configured = Environment.GetEnvironmentVariable("PURSER_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql; ./test.sh installs the Debian package 'postgresql'.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
