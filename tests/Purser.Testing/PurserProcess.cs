using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Purser.Testing;

/// <summary>The <c>purser</c> executable run as a user runs it: a separate process, its output captured.</summary>
public sealed class PurserProcess : IAsyncDisposable
{
    private readonly CapturedProcess _process;

    private PurserProcess(CapturedProcess process) => _process = process;

    /// <summary>The operating system's process id: what the process writes into the claims and leases it takes.</summary>
    public int Id => _process.Id;

    public string Output => _process.Output;

    public static PurserProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>
    /// Starts purser with exactly the configuration the test gives it: <paramref name="environment"/>, and none of the
    /// Purser or ASP.NET Core settings of the environment the tests run in.
    /// </summary>
    public static PurserProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "purser.dll"));
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        foreach (var name in psi.Environment.Keys.Where(IsConfiguration).ToList())
            psi.Environment.Remove(name);
        foreach (var (name, value) in environment)
            psi.Environment[name] = value;
        return new PurserProcess(CapturedProcess.Start(psi, "purser"));
    }

    private static bool IsConfiguration(string variable) =>
        variable.StartsWith("PURSER", StringComparison.OrdinalIgnoreCase) || variable.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>purser serve</c> on <paramref name="database"/> at a free loopback address, without demo data or the
    /// scheduled month close (the test decides when periods close), once <c>/healthz</c> answers 200.
    /// </summary>
    public static Task<(PurserProcess Process, string BaseAddress)> ServeAsync(string workingDirectory, string database, TimeSpan timeout) =>
        ServeAsync(workingDirectory, database, timeout, scheduledBilling: false);

    /// <summary>
    /// <c>purser serve</c> as above; with <paramref name="scheduledBilling"/> it closes due periods each minute as a deployed
    /// process does, and <paramref name="flags"/> go on its command line after the others (the mail settings, say).
    /// </summary>
    public static async Task<(PurserProcess Process, string BaseAddress)> ServeAsync(string workingDirectory, string database, TimeSpan timeout,
        bool scheduledBilling, params string[] flags)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        string[] billing = scheduledBilling ? [] : ["--no-scheduled-billing"];
        string[] args = ["serve", "--database", database, "--urls", address, "--no-demo", .. billing, .. flags];
        var process = Start(workingDirectory, args);
        try
        {
            using var http = new HttpClient();
            using var health = await process.WaitForAsync(http, address + "/healthz", timeout);
            if (health.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"purser serve answered /healthz with {(int)health.StatusCode}:\n{process.Output}");
            return (process, address);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process at once: SIGKILL, so nothing runs after it, no shutdown and no flush.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Runs a verb to completion and returns its exit code; output is in <see cref="Output"/>.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>Polls until the server answers on <paramref name="url"/> or exits.</summary>
    public Task<HttpResponseMessage> WaitForAsync(HttpClient http, string url, TimeSpan timeout) => _process.WaitForAsync(http, url, timeout);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
