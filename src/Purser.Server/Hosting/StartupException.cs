namespace Purser.Server.Hosting;

/// <summary>
/// Why Purser cannot start, said in one line for the operator (a bad setting, a taken port, a database
/// it cannot open): the executable prints the message, not a stack trace, and exits 1.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
