using System.CommandLine;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Configuration;

namespace Purser.Server.Cli;

internal static class ServeVerb
{
    private static readonly IReadOnlyList<SettingFlag> Flags =
    [
        .. StoreFlags.All,
        SettingFlag.Text("--urls", PurserConfiguration.UrlsKey, $"Addresses to listen on. Default: {PurserConfiguration.DefaultUrls}"),
        SettingFlag.Text("--invoice-font", InvoiceOptions.Section + ":" + nameof(InvoiceOptions.CjkFont),
            "A TrueType CJK font (or collection) for Chinese invoice PDFs, tried before Debian's"),
        SettingFlag.Negation("--no-demo", ServerOptions.Section + ":" + nameof(ServerOptions.LoadDemo), "Do not load the demo data into an empty database"),
        SettingFlag.Negation("--no-scheduled-billing", ServerOptions.Section + ":" + nameof(ServerOptions.ScheduleBilling),
            "Do not close due billing periods each minute in this process; `purser bill` and POST /ops/billingRuns still close them"),
        .. MailFlags.All,
    ];

    public static Command Create()
    {
        var serve = new Command("serve", "Run the API and portal (the default verb).");
        Configure(serve);
        return serve;
    }

    /// <summary>Gives a command serve's options and action; the root command gets them too, so serve is the default.</summary>
    public static void Configure(Command command)
    {
        foreach (var flag in Flags)
            command.Options.Add(flag.Option);
        command.SetAction(async (parse, ct) =>
        {
            var configuration = PurserConfiguration.Create(SettingFlag.Given(parse, Flags));
            await PurserHost.RunAsync(ServerSettings.Read(configuration), ct);
            return 0;
        });
    }
}
