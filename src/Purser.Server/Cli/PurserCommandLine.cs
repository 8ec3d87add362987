using System.CommandLine;

namespace Purser.Server.Cli;

/// <summary>The verbs of the one <c>purser</c> executable; <c>serve</c> runs when none is given.</summary>
internal static class PurserCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Purser: cloud billing — prepaid credit, subscriptions, metered usage, invoices.");
        ServeVerb.Configure(root);
        root.Subcommands.Add(ServeVerb.Create());
        root.Subcommands.Add(MigrateVerb.Create());
        root.Subcommands.Add(DemoVerb.Create());
        root.Subcommands.Add(TokenVerb.Create());
        root.Subcommands.Add(ImportUsageVerb.Create());
        root.Subcommands.Add(BillVerb.Create());
        root.Subcommands.Add(ExportReconVerb.Create());
        root.Subcommands.Add(VerifyLedgerVerb.Create());
        return root;
    }
}
