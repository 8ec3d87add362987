using System.CommandLine;
using Purser.Engine;
using Purser.Engine.Billing;
using Purser.Engine.Demo;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Hosting.Configuration;
using Purser.Server.Notifications;

namespace Purser.Server.Cli;

internal static class DemoVerb
{
    public static Command Create()
    {
        var demo = new Command("demo", "Migrate and load the demo accounts (prepaid, trial, pay-as-you-go, enterprise, partner-sold).");
        StoreFlags.AddTo(demo);
        demo.SetAction(async (parse, ct) =>
        {
            var cs = StoreFlags.ConnectionString(parse);
            await using var store = new PurserStore(cs);
            await store.MigrateAsync(ct);
            var signIns = await new DemoLoader(store, TimeProvider.System, new InvoiceSettings(), new CreditAlertMails(new MailComposer()), new PurserMetrics()).LoadWithSignInsAsync(ct);
            if (signIns is null)
            {
                await Console.Out.WriteLineAsync($"{StorageOptions.Describe(cs)} already holds billing accounts; demo not loaded.");
                return 0;
            }
            await Console.Out.WriteLineAsync($"Demo loaded into {StorageOptions.Describe(cs)}. Portal sign-ins (/portal):");
            foreach (var (email, password) in signIns)
                await Console.Out.WriteLineAsync($"  {email,-34} {password}");
            return 0;
        });
        return demo;
    }
}
