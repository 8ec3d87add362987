namespace Purser.Testing;

/// <summary>
/// A throw-away PostgreSQL server that the test run starts itself: a temp data dir, a free
/// loopback port and its own socket dir, stopped when the test process exits.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _root;
    private readonly PostgresTools _tools;

    private PostgresCluster(string root, PostgresTools tools, int port)
    {
        _root = root;
        _tools = tools;
        Port = port;
    }

    public static PostgresCluster Instance => Shared.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=purser;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=120";

    private static PostgresCluster Start()
    {
        var tools = PostgresTools.Find();
        var root = tools.NewRoot("purser-pg-");
        var port = PurserProcess.FreePort();
        var cluster = new PostgresCluster(root, tools, port);
        tools.Pg("initdb", "-D", Path.Combine(root, "data"), "-U", "purser", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        tools.Pg("pg_ctl", "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {Path.Combine(root, "sock")} -c listen_addresses=127.0.0.1 -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        _tools.Pg("pg_ctl", "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The test host may be torn down mid-delete; ./test.sh sweeps what is left.
        }
    }
}
