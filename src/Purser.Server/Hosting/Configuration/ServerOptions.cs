using System.ComponentModel.DataAnnotations;

namespace Purser.Server.Hosting.Configuration;

/// <summary>How Purser writes its log lines.</summary>
public enum LogFormat
{
    Plain,
    Json,
}

/// <summary><c>Purser:Server</c>: what this process does besides answering requests, and how it stops.</summary>
public sealed class ServerOptions : IPurserOptions
{
    public static string Section => "Purser:Server";

    /// <summary>Load the demo accounts into an empty database.</summary>
    public bool LoadDemo { get; set; } = true;

    /// <summary>Close due billing periods each minute (once across processes); off when only <c>purser bill</c> closes them.</summary>
    public bool ScheduleBilling { get; set; } = true;

    /// <summary>
    /// How long a stop waits for requests in flight and background jobs to finish. Below the 30 s after which
    /// Kubernetes and systemd send SIGKILL, so Purser stops on its own terms first.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int ShutdownTimeoutSeconds { get; set; } = 25;

    public LogFormat LogFormat { get; set; } = LogFormat.Plain;
}
