using System.Diagnostics;

namespace Purser.Testing;

/// <summary>
/// The PostgreSQL server binaries of this machine, run as their owner: initdb and the server refuse to run as root, so under root
/// the Debian package's <c>postgres</c> user runs them and owns the data dirs.
/// </summary>
internal sealed class PostgresTools
{
    private readonly string _binDir;

    private PostgresTools(string binDir, bool asPostgresUser)
    {
        _binDir = binDir;
        AsPostgresUser = asPostgresUser;
    }

    public bool AsPostgresUser { get; }

    public static PostgresTools Find() => new(FindBinDir(), Environment.UserName == "root");

    /// <summary>A new temp dir for clusters, with a socket dir, owned by whoever runs the server.</summary>
    public string NewRoot(string prefix)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        if (AsPostgresUser)
            Run("chown", ["-R", "postgres", root]);
        return root;
    }

    public void Pg(string tool, params string[] args)
    {
        var exe = Path.Combine(_binDir, tool);
        if (AsPostgresUser)
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
}
