using System.CommandLine;
using Purser.Server.Hosting;

namespace Purser.Server.Cli;

internal static class ServeVerb
{
    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Addresses to listen on. Default: $PURSER_URLS, else http://127.0.0.1:5080.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PURSER_URLS") is { Length: > 0 } u ? u : "http://127.0.0.1:5080",
    };

    private static readonly Option<string?> InvoiceFont = new("--invoice-font")
    {
        Description = "A TrueType CJK font (or collection) for Chinese invoice PDFs, tried before Debian's. Default: $PURSER_INVOICE_FONT.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PURSER_INVOICE_FONT") is { Length: > 0 } f ? f : null,
    };

    private static readonly Option<bool> NoDemo = new("--no-demo")
    {
        Description = "Do not load the demo data into an empty database.",
    };

    private static readonly Option<bool> NoScheduledBilling = new("--no-scheduled-billing")
    {
        Description = "Do not close due billing periods each minute in this process; `purser bill` and POST /ops/billingRuns still close them.",
    };

    public static Command Create()
    {
        var serve = new Command("serve", "Run the API and portal (the default verb).");
        Configure(serve);
        return serve;
    }

    /// <summary>Gives a command serve's options and action; the root command gets them too, so serve is the default.</summary>
    public static void Configure(Command command)
    {
        StoreOptions.AddTo(command);
        command.Options.Add(Urls);
        command.Options.Add(InvoiceFont);
        command.Options.Add(NoDemo);
        command.Options.Add(NoScheduledBilling);
        MailOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ServerSettings(
                StoreOptions.ConnectionString(parse),
                parse.GetValue(Urls)!,
                LoadDemoWhenEmpty: !parse.GetValue(NoDemo),
                InvoiceCjkFont: parse.GetValue(InvoiceFont),
                ScheduleBilling: !parse.GetValue(NoScheduledBilling),
                Mail: MailOptions.Mail(parse),
                WeeklyReminderHour: MailOptions.WeeklyReminderHour(parse));
            await PurserHost.RunAsync(settings, ct);
            return 0;
        });
    }
}
