using System.CommandLine;
using Purser.Engine;
using Purser.Engine.Credits;
using Purser.Server.Hosting.Configuration;

namespace Purser.Server.Cli;

/// <summary><c>purser verify-ledger</c>: replays every journal and compares the kept positions to the cent.</summary>
internal static class VerifyLedgerVerb
{
    public static Command Create()
    {
        var verify = new Command("verify-ledger",
            "Replay every billing profile's credit journal and check the kept balances, lot positions and day totals against it; exits 1 on any difference.");
        StoreFlags.AddTo(verify);
        verify.SetAction(async (parse, ct) =>
        {
            var cs = StoreFlags.ConnectionString(parse);
            await using var store = new PurserStore(cs);
            await store.MigrateAsync(ct);
            var problems = await new LedgerCheck(store).VerifyAsync(ct);
            foreach (var problem in problems)
                await Console.Error.WriteLineAsync(problem);
            await Console.Out.WriteLineAsync(problems.Count == 0
                ? $"The ledgers in {StorageOptions.Describe(cs)} agree with their journals."
                : $"{problems.Count} kept figure(s) in {StorageOptions.Describe(cs)} disagree with the journal.");
            return problems.Count == 0 ? 0 : 1;
        });
        return verify;
    }
}
