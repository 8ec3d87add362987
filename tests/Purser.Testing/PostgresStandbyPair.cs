using System.Globalization;
using Npgsql;

namespace Purser.Testing;

/// <summary>
/// A primary and its streaming standby (<c>pg_basebackup -R</c>) in temp dirs on loopback, with synchronous replication on as
/// docs/scaling.md recommends for money: a commit is acknowledged only once the standby has it. The primary can be killed
/// outright and the standby promoted, as a failover does.
/// </summary>
public sealed class PostgresStandbyPair : IAsyncDisposable
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresTools _tools;
    private readonly string _root;
    private bool _primaryKilled;

    private PostgresStandbyPair(PostgresTools tools, string root, int primaryPort, int standbyPort)
    {
        _tools = tools;
        _root = root;
        PrimaryPort = primaryPort;
        StandbyPort = standbyPort;
    }

    public int PrimaryPort { get; }

    public int StandbyPort { get; }

    private string PrimaryData => Path.Combine(_root, "primary");

    private string StandbyData => Path.Combine(_root, "standby");

    /// <summary>
    /// What a deployment gives Purser: both hosts, only a writable one taken, a host that failed looked at again after a second
    /// (Npgsql's default is ten).
    /// </summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort};Username=purser;Database={database};Target Session Attributes=read-write;" +
        "Host Recheck Seconds=1;Maximum Pool Size=40;Timeout=5;Command Timeout=60";

    public static async Task<PostgresStandbyPair> StartAsync()
    {
        var tools = PostgresTools.Find();
        var root = tools.NewRoot("purser-pg-pair-");
        var pair = new PostgresStandbyPair(tools, root, PurserProcess.FreePort(), PurserProcess.FreePort());
        try
        {
            tools.Pg("initdb", "-D", pair.PrimaryData, "-U", "purser", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
            pair.Start(pair.PrimaryData, pair.PrimaryPort, "primary", "-c synchronous_standby_names='*' -c wal_level=replica -c max_wal_senders=4");
            tools.Pg("pg_basebackup", "-h", "127.0.0.1", "-p", pair.PrimaryPort.ToString(CultureInfo.InvariantCulture), "-U", "purser",
                "-D", pair.StandbyData, "-R", "-X", "stream", "--no-sync");
            pair.Start(pair.StandbyData, pair.StandbyPort, "standby", "-c hot_standby=on");
            await pair.WaitForSyncAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    private void Start(string data, int port, string name, string settings) =>
        _tools.Pg("pg_ctl", "-D", data, "-l", Path.Combine(_root, name + ".log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {Path.Combine(_root, "sock")} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB {settings}",
            "start");

    // Until the standby streams and counts as synchronous, commits on the primary would not wait for it.
    private async Task WaitForSyncAsync()
    {
        await using var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={PrimaryPort};Username=purser;Database=postgres;Pooling=false");
        await conn.OpenAsync();
        using var timeout = new CancellationTokenSource(SyncTimeout);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming' AND sync_state = 'sync'", conn);
        while ((long)(await cmd.ExecuteScalarAsync(timeout.Token))! == 0)
            await Task.Delay(100, timeout.Token);
    }

    /// <summary>A migrated Purser database on the primary, which the standby replays, reached through <see cref="ConnectionString"/>.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string name)
    {
        await using (var conn = new NpgsqlConnection($"Host=127.0.0.1;Port={PrimaryPort};Username=purser;Database=postgres;Pooling=false"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return await TestDatabase.MigratedAtAsync(ConnectionString(name));
    }

    /// <summary>
    /// The primary's machine dies: SIGKILL to its postmaster and to every process it started (backends, WAL sender), so no
    /// connection is closed politely and nothing more is written or sent.
    /// </summary>
    public void KillPrimary()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(PrimaryData, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var children = ChildrenOf(postmaster);
        System.Diagnostics.Process.GetProcessById(postmaster).Kill();
        foreach (var child in children)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(child).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        _primaryKilled = true;
    }

    /// <summary>The standby becomes the primary: it ends recovery and takes writes (<c>pg_ctl promote</c>, waiting until it does).</summary>
    public void PromoteStandby() => _tools.Pg("pg_ctl", "-D", StandbyData, "-w", "-t", "60", "promote");

    private static List<int> ChildrenOf(int parent) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)];

    // /proc/<pid>/stat is "pid (comm) state ppid …"; the command name may hold spaces, so the fields are read after its ')'.
    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var (data, stopped) in new[] { (PrimaryData, _primaryKilled), (StandbyData, false) })
        {
            if (stopped || !File.Exists(Path.Combine(data, "postmaster.pid")))
                continue;
            try
            {
                _tools.Pg("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Not running; its files go with the rest.
            }
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // ./test.sh sweeps what is left of a pair no process uses.
        }
        return ValueTask.CompletedTask;
    }
}
