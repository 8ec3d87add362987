using System.CommandLine;
using Purser.Engine;
using Purser.Engine.Billing;
using Purser.Engine.Demo;

namespace Purser.Server.Cli;

internal static class DemoVerb
{
    public static Command Create()
    {
        var demo = new Command("demo", "Migrate and load the demo accounts (prepaid, trial, pay-as-you-go, enterprise, partner-sold).");
        StoreOptions.AddTo(demo);
        demo.SetAction(async (parse, ct) =>
        {
            var cs = StoreOptions.ConnectionString(parse);
            await using var store = new PurserStore(cs);
            await store.MigrateAsync(ct);
            var loaded = await new DemoLoader(store, TimeProvider.System, new InvoiceSettings()).LoadAsync(ct);
            await Console.Out.WriteLineAsync(loaded
                ? $"Demo loaded into {StoreOptions.Describe(cs)}."
                : $"{StoreOptions.Describe(cs)} already holds billing accounts; demo not loaded.");
            return 0;
        });
        return demo;
    }
}
