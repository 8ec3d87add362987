using System.Globalization;
using Purser.Server.Cli;

// ICU is on only so invoice PDFs can speak the profile's language; the rest of the process keeps
// the invariant culture whatever the host's LANG says (a Thai locale would put idempotency keys
// built by string interpolation in the Buddhist calendar).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

return await PurserCommandLine.Build().Parse(args).InvokeAsync();
