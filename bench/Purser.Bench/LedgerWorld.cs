using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;
using Purser.Testing;
using CreditLot = Purser.Engine.Storage.Entities.CreditLot;

namespace Purser.Bench;

/// <summary>A billing profile whose credit journal the benchmark wrote, with the balances that journal must show.</summary>
internal sealed record LedgerProfile(Guid ProfileId, string AccountName, string ProfileName, int Entries, decimal CurrentBalance, decimal EstimatedBalance,
    DateOnly LastDay)
{
    public string Consumption =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(AccountName)}/billingProfiles/{ProfileName}/providers/Microsoft.Consumption";

    public string BalanceSummary => $"{Consumption}/credits/balanceSummary?api-version=2021-10-01";
    public string Lots => $"{Consumption}/lots?api-version=2021-10-01";

    /// <summary>The last three days of the journal: about 300 movements, the first page of 100 returned.</summary>
    public string EventsPage => $"{Consumption}/events?api-version=2021-10-01&startDate={LastDay.AddDays(-2):yyyy-MM-dd}&endDate={LastDay:yyyy-MM-dd}";
}

/// <summary>
/// Writes a profile's journal straight into the store (the operator API would take minutes for 100,000 entries)
/// and then has the engine derive the kept figures from it, as migrating an old store does: three lots and
/// charge draws at 100 movements a UTC day ending yesterday, so a bigger journal is a longer history, not a
/// denser one. Draws come as pending entries with their settled twins (an invoice closed them), the last 40 left pending.
/// </summary>
internal static class LedgerWorld
{
    private const int PerDay = 100;
    private const int Lots = 3;
    private const decimal Grant = 1_000_000_000m;
    private const decimal Draw = -1.23m;

    public static async Task<LedgerProfile> SeedAsync(BenchServer server, int entries, string name)
    {
        using var http = server.Client();
        var account = await PurserApi.CreatedAsync(http, "/ops/billingAccounts", new
        {
            displayName = name, agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1", country = "CN" },
        });
        var profile = await PurserApi.CreatedAsync(http, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id"), displayName = name, currency = "CNY", timeZone = "UTC" });
        var accountId = account.GetProperty("id").GetGuid();
        var profileId = profile.GetProperty("id").GetGuid();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = (entries + PerDay - 1) / PerDay;
        var first = today.AddDays(-days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var instant = (int i) => first.AddSeconds(i * (86_400.0 / PerDay));
        var lots = Enumerable.Range(1, Math.Min(Lots, entries)).Select(i => new CreditLot
        {
            Id = ArmNames.StableId($"bench-lot:{name}:{i}"), BillingAccountId = accountId, BillingProfileId = profileId, Sequence = i, Source = CreditSources.Prepayment,
            Currency = "CNY", OriginalAmount = Grant, StartDate = first, ExpirationDate = first.AddYears(20), PoNumber = "", CreatedAt = first,
        }).ToList();
        var journal = new List<CreditJournalEntry>(entries);
        CreditJournalEntry Entry(Guid lot, string key, EntryKind kind, EntryPhase phase, decimal amount, string description, string? settles = null) => new()
        {
            BillingAccountId = accountId, BillingProfileId = profileId, LotId = lot, IdempotencyKey = key, Kind = kind, Phase = phase, Currency = "CNY",
            Amount = amount, Description = description, OccurredAt = instant(journal.Count), Settles = settles,
            InvoiceNumber = settles is null ? null : key[(key.IndexOf('@', StringComparison.Ordinal) + 1)..],
        };
        foreach (var lot in lots)
            journal.Add(Entry(lot.Id, $"grant:{lot.Id:N}", EntryKind.Grant, EntryPhase.Settled, Grant, "New credit"));
        var (current, pending) = (Grant * lots.Count, 0m);
        for (var draw = 0; journal.Count < entries; draw++)
        {
            var lot = lots[draw % lots.Count].Id;
            var key = $"usage:{draw}";
            journal.Add(Entry(lot, key, EntryKind.ChargeDraw, EntryPhase.Pending, Draw, $"Bench usage {draw}"));
            if (entries - journal.Count >= 40 && journal.Count < entries)
            {
                journal.Add(Entry(lot, $"{key}@BENCH-{draw / 1000}", EntryKind.ChargeDraw, EntryPhase.Settled, Draw, $"Bench usage {draw}", settles: key));
                current += Draw;
            }
            else
            {
                pending += Draw;
            }
        }

        await using (var db = server.Store.CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.CreditLots.AddRange(lots);
            await db.SaveChangesAsync();
            foreach (var chunk in journal.Chunk(5_000))
            {
                db.CreditJournal.AddRange(chunk);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        // A context of its own: the one above tracks the lots without detecting changes, so the kept positions would not be saved.
        await using (var db = server.Store.CreateContext())
            await LedgerCheck.KeepMissingAsync(db, default);
        string accountName, profileName;
        await using (var db = server.Store.CreateContext())
        {
            accountName = await db.BillingAccounts.Where(a => a.Id == accountId).Select(a => a.Name).SingleAsync();
            profileName = await db.BillingProfiles.Where(p => p.Id == profileId).Select(p => p.Name).SingleAsync();
        }
        return new LedgerProfile(profileId, accountName, profileName, journal.Count, current, current + pending, today.AddDays(-1));
    }

    /// <summary>A ledger write: a credit-eligible charge of the profile, drawn from its lots as pending entries; null when it was created.</summary>
    public static async Task<string?> ChargeAsync(HttpClient http, LedgerProfile profile)
    {
        using var response = await PurserApi.PostAsync(http, "/ops/charges", new { billingProfileId = profile.ProfileId, amount = 1.23m, description = "Bench charge", creditEligible = true });
        return response.StatusCode == System.Net.HttpStatusCode.Created ? null : $"POST /ops/charges: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>The balance summary as served must be the seeded journal's, to the cent.</summary>
    public static async Task<string?> CheckBalanceAsync(HttpClient http, LedgerProfile profile)
    {
        var body = JsonDocument.Parse(await http.GetStringAsync(profile.BalanceSummary)).RootElement;
        var summary = body.GetProperty("properties").GetProperty("balanceSummary");
        var current = summary.GetProperty("currentBalance").GetProperty("value").GetDecimal();
        var estimated = summary.GetProperty("estimatedBalance").GetProperty("value").GetDecimal();
        return current == profile.CurrentBalance && estimated == profile.EstimatedBalance ? null
            : Stats.F($"{profile.Entries} entries: balanceSummary says current {current}, estimated {estimated}; the journal gives {profile.CurrentBalance}, {profile.EstimatedBalance}");
    }
}
