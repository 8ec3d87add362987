using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Purser.Core.Lifecycle;
using Purser.Core.Ledger;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;
using Purser.Testing;
using CreditLot = Purser.Engine.Storage.Entities.CreditLot;

namespace Purser.Bench;

/// <summary>
/// The month a B-RUN close bills: <c>profiles</c> UTC billing profiles (invoice day 1, a 100.00 CNY credit lot each),
/// five pay-as-you-go subscriptions per profile on five priced meters, and a daily aggregate per subscription for every
/// day of last month, none rated yet. Written straight into the store (aggregates by binary COPY) from a fixed formula,
/// so every run bills the same amounts.
/// </summary>
internal sealed record RunWorld(TestDatabase Database, int Profiles, int Aggregates, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    public const decimal CreditPerProfile = 100m;
    private static readonly decimal[] Prices = [0.92m, 0.15m, 0.25m, 0.35m, 1.07m];

    public string Period => $"{PeriodStart:yyyy-MM}";

    public static async Task<RunWorld> SeedAsync(int profiles)
    {
        var database = await TestDatabase.CreateAsync(Engine.StorageEngine.Postgres);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var end = start.AddMonths(1).AddDays(-1);
        var created = start.AddMonths(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var meters = Prices.Select((price, i) => new Meter
        {
            Id = ArmNames.StableId($"bench-run-meter:{i}"), Name = $"run-meter-{i}", Category = "Compute", Unit = "1 Hour", CreatedAt = created.AddYears(-1),
        }).ToArray();
        var aggregates = new List<UsageDailyAggregate>();
        await using (var db = database.Store.CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Meters.AddRange(meters);
            db.PriceVersions.AddRange(meters.Select((m, i) => new PriceVersion
            {
                MeterId = m.Id, Currency = "CNY", UnitPrice = Prices[i], EffectiveFrom = m.CreatedAt, AnnouncedAt = m.CreatedAt.AddDays(-30),
            }));
            for (var p = 0; p < profiles; p++)
            {
                var accountId = ArmNames.StableId($"bench-run-account:{p}");
                var account = new BillingAccount
                {
                    Id = accountId, Name = ArmNames.BillingAccount(accountId, ArmNames.StableId($"bench-run-agreement:{p}"), DateOnly.FromDateTime(created)),
                    DisplayName = $"run-{p:D5}", AgreementType = "MicrosoftOnlineServicesProgram", AccountType = "Individual", CreatedAt = created,
                    SoldTo = new Address { AddressLine1 = "1", Country = "CN" },
                };
                var profileId = ArmNames.StableId($"bench-run-profile:{p}");
                var profile = new BillingProfile
                {
                    Id = profileId, BillingAccountId = accountId, Name = ArmNames.BillingProfile(profileId), DisplayName = $"run-{p:D5}", Currency = "CNY",
                    TimeZone = "UTC", CreatedAt = created.AddSeconds(p), BillTo = account.SoldTo.Copy(),
                };
                var lot = new CreditLot
                {
                    Id = ArmNames.StableId($"bench-run-lot:{p}"), BillingAccountId = accountId, BillingProfileId = profileId, Sequence = 1,
                    Source = CreditSources.Prepayment, Currency = "CNY", OriginalAmount = CreditPerProfile, StartDate = created,
                    ExpirationDate = created.AddYears(5), PoNumber = "", CreatedAt = created,
                };
                db.AddRange(account, profile, lot, new CreditJournalEntry
                {
                    BillingAccountId = accountId, BillingProfileId = profileId, LotId = lot.Id, IdempotencyKey = $"grant:{lot.Id:N}", Kind = EntryKind.Grant,
                    Phase = EntryPhase.Settled, Currency = "CNY", Amount = CreditPerProfile, Description = "New credit", OccurredAt = created,
                });
                for (var s = 0; s < meters.Length; s++)
                {
                    var subscriptionId = ArmNames.StableId($"bench-run-subscription:{p}:{s}");
                    db.Subscriptions.Add(new Subscription
                    {
                        Id = subscriptionId, BillingAccountId = accountId, BillingProfileId = profileId, DisplayName = $"run-{p}-{s}", OfferType = OfferType.PayAsYouGo,
                        OrderId = ArmNames.OrderId(subscriptionId), CreatedAt = created, StateChangedAt = created,
                    });
                    for (var day = start; day <= end; day = day.AddDays(1))
                    {
                        aggregates.Add(new UsageDailyAggregate
                        {
                            BillingAccountId = accountId, SubscriptionId = subscriptionId, MeterId = meters[s].Id, UsageDate = day,
                            Quantity = ((p * 31 + s * 7 + day.Day * 13) % 1000 + 1) / 100m, UpdatedAt = day.ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc),
                        });
                    }
                }
                if (p % 500 == 499)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync();
        }
        await using (var db = database.Store.CreateContext())
            await LedgerCheck.KeepMissingAsync(db, default);
        await CopyAggregatesAsync(database.ConnectionString, aggregates);
        return new RunWorld(database, profiles, aggregates.Count, start, end);
    }

    private static async Task CopyAggregatesAsync(string connectionString, List<UsageDailyAggregate> rows)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY \"UsageDailyAggregates\" (\"BillingAccountId\", \"SubscriptionId\", \"MeterId\", \"UsageDate\", \"Quantity\", \"RatedQuantity\", \"RatedAmount\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.BillingAccountId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.SubscriptionId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.MeterId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.UsageDate, NpgsqlDbType.Date);
            await copy.WriteAsync(row.Quantity, NpgsqlDbType.Numeric);
            await copy.WriteAsync(0m, NpgsqlDbType.Numeric);
            await copy.WriteAsync(0m, NpgsqlDbType.Numeric);
            await copy.WriteAsync(row.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }
}
