using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// A real SMTP server on a loopback port: Debian's aiosmtpd (package python3-aiosmtpd, which test.sh
/// installs) with <c>smtp_sink.py</c>, one file per message received. It can be stopped and started
/// again on the same port, as an SMTP server that goes away and comes back.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(20);
    private Process? _process;

    private SmtpSink()
    {
        Port = PurserProcess.FreePort();
        Folder = Directory.CreateTempSubdirectory("purser-smtp-").FullName;
    }

    public int Port { get; }
    public string Folder { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        if (_process is not null)
            throw new InvalidOperationException("The SMTP server is already running.");
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_sink.Sink", Folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Notifications");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode} (is python3-aiosmtpd installed?): {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartupLimit)
            {
                // Not listening yet: poll again, within the bounded start-up wait.
                await Task.Delay(50);
            }
        }
    }

    public void Stop()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, one per delivery (a message delivered twice is here twice).</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    public void Dispose()
    {
        Stop();
        Directory.Delete(Folder, recursive: true);
    }
}
