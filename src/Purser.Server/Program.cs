using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Purser.Server.Cli;
using Purser.Server.Hosting;

// ICU is on only so invoice PDFs can speak the profile's language; the rest of the process keeps
// the invariant culture whatever the host's LANG says (a Thai locale would put idempotency keys
// built by string interpolation in the Buddhist calendar).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

// The web host handles SIGTERM and Ctrl+C itself and drains for its shutdown timeout; System.CommandLine's
// own handling would end the process 2 seconds after the signal, mid-drain.
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
try
{
    return await PurserCommandLine.Build().Parse(args).InvokeAsync(invocation);
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync($"purser: {ex.Message}");
    return 1;
}
catch (DbException ex)
{
    await Console.Error.WriteLineAsync($"purser: database error: {ex.Message}");
    return 1;
}
