using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Purser.Testing;

/// <summary>
/// Debian's HAProxy (package haproxy, which test.sh installs) in front of several Purser processes on loopback, as a deployment
/// runs them: round robin per request, each backend checked on <c>/readyz</c> and taken out while it fails. Its configuration
/// is written to a temp folder; it runs in the foreground (<c>-db</c>) as the test's child and is killed when disposed.
/// </summary>
public sealed class HaProxy : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/haproxy";
    private readonly CapturedProcess _process;
    private readonly string _folder;

    private HaProxy(CapturedProcess process, string folder, string address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    /// <summary>The address clients use: the proxy's frontend.</summary>
    public string Address { get; }

    /// <summary>
    /// The configuration for <paramref name="backends"/> (base addresses such as <c>http://127.0.0.1:5080</c>) behind a frontend on
    /// <paramref name="port"/>: the one docs/scaling.md shows.
    /// </summary>
    public static string Configuration(int port, IReadOnlyList<string> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var config = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            global
                maxconn 512

            defaults
                mode http
                option http-keep-alive
                timeout connect 5s
                timeout client 60s
                timeout server 60s

            frontend purser
                bind 127.0.0.1:{port}
                default_backend purser

            backend purser
                balance roundrobin
                option httpchk GET /readyz
                http-check expect status 200
                default-server check inter 1s fall 2 rise 1

            """));
        for (var i = 0; i < backends.Count; i++)
            config.AppendLine(CultureInfo.InvariantCulture, $"    server purser{i + 1} {new Uri(backends[i]).Authority}");
        return config.ToString();
    }

    /// <summary>Starts HAProxy in front of <paramref name="backends"/> and returns once its frontend answers a health check.</summary>
    public static async Task<HaProxy> StartAsync(IReadOnlyList<string> backends, TimeSpan timeout)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} not found; ./test.sh installs the Debian package 'haproxy'.");
        var folder = Directory.CreateTempSubdirectory("purser-haproxy-").FullName;
        var port = PurserProcess.FreePort();
        var file = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(file, Configuration(port, backends));
        var proxy = new HaProxy(CapturedProcess.Start(new ProcessStartInfo(Executable, ["-db", "-f", file]), "haproxy"), folder, $"http://127.0.0.1:{port}");
        try
        {
            await proxy.WaitUntilServingAsync(timeout);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls the frontend until it passes a request to a backend, within <paramref name="timeout"/>: its start-up is outside the test's control.</summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Until a backend passes its check the frontend answers 503: listening is not yet serving.
            using var reply = await _process.WaitForAsync(http, Address + "/healthz", timeout - deadline.Elapsed);
            if (reply.IsSuccessStatusCode)
                return;
            if (deadline.Elapsed >= timeout)
                throw new InvalidOperationException($"haproxy did not pass /healthz to a backend within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public string Output => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
