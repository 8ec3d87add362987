using System.Diagnostics;
using System.Text;

namespace Purser.Testing;

/// <summary>
/// A child process a test runs (purser, HAProxy): its standard output and error captured for the failure message, and
/// the whole process tree killed when disposed, so no test leaves a server behind.
/// </summary>
public sealed class CapturedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _output = new();

    private CapturedProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <paramref name="start"/> with its output redirected; <paramref name="name"/> is what failure messages call it.</summary>
    public static CapturedProcess Start(ProcessStartInfo start, string name)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new CapturedProcess(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."), name);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Ends the process at once: on Linux <see cref="Process.Kill()"/> is SIGKILL, so nothing runs after it, no shutdown and no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        // The parameterless wait also drains the redirected output, so Output is complete.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="url"/> until it answers or the process exits; a process's start-up time is outside the test's control.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient http, string url, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                return await http.GetAsync(url);
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"{_name} did not answer {url} within {timeout}:\n{Output}", ex);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
