using Microsoft.EntityFrameworkCore;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Storage;
using Purser.Testing;

namespace Purser.Engine.Tests.Storage;

/// <summary>
/// Domain enums live in text columns under their member names, the spelling rows had when the entities held strings:
/// written as a member, a value reads back as that member, and the column holds its name.
/// </summary>
public class StoredNamesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_and_a_journal_entry_keep_their_enums_as_names(StorageEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using (var write = db.Store.CreateContext())
        {
            write.AddRange(EntitySamples.All());
            await write.SaveChangesAsync();
        }

        await using var read = db.Store.CreateContext();
        var subscription = await read.Subscriptions.AsNoTracking().SingleAsync(s => s.State == SubscriptionState.Disabled);
        Assert.Equal((OfferType.LicenseBased, TransitionReason.CreditExpired), (subscription.OfferType, subscription.DisabledBecause));
        var entry = await read.CreditJournal.AsNoTracking().SingleAsync(e => e.Kind == EntryKind.ChargeDraw);
        Assert.Equal(EntryPhase.Settled, entry.Phase);

        Assert.Equal("Disabled", await TextAsync(read, "Subscriptions", "State"));
        Assert.Equal("LicenseBased", await TextAsync(read, "Subscriptions", "OfferType"));
        Assert.Equal("CreditExpired", await TextAsync(read, "Subscriptions", "DisabledBecause"));
        Assert.Equal("ChargeDraw", await TextAsync(read, "CreditJournal", "Kind"));
        Assert.Equal("Settled", await TextAsync(read, "CreditJournal", "Phase"));
        Assert.Equal("Usage", await TextAsync(read, "Charges", "ChargeType"));
        Assert.Equal("Paid", await TextAsync(read, "Invoices", "Status"));
        Assert.Equal("Correction", await TextAsync(read, "InvoiceLineItems", "ChargeType"));
        Assert.Equal("Prorated", await TextAsync(read, "InvoiceLineItems", "Corrects"));
        Assert.Equal("Succeeded", await TextAsync(read, "JobRuns", "Status"));
    }

    // Each sample table holds one row; the names are this file's own constants.
    private static Task<string> TextAsync(PurserDbContext db, string table, string column)
    {
        var sql = "SELECT \"" + column + "\" AS \"Value\" FROM \"" + table + "\"";
        return db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }
}
