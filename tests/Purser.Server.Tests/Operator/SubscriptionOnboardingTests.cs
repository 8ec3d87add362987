using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Calendar;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>
/// Onboarding a customer with history on a Los Angeles profile: a meter's first price and a pay-as-you-go start dated
/// back (a year at most), kept beside when they were recorded and announced in the outbox; the backdated days' usage
/// is rated and billed as usage arriving late (R-LATE).
/// </summary>
public class SubscriptionOnboardingTests
{
    private static readonly BillingTimeZone LosAngeles = BillingTimeZone.Resolve("America/Los_Angeles");

    // Noon of 5 September 2019 in Los Angeles (19:00 UTC).
    private static readonly DateTimeOffset Recorded = Local(2019, 9, 5, 12, 0);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_backdated_start_keeps_when_it_was_recorded_and_its_past_usage_bills_on_the_next_invoices(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Recorded);
        using var op = api.Operator();
        var account = (await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Fabrikam West", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "1 Market St", country = "US" },
        })).GetProperty("id").GetGuid();
        var profile = (await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new
        {
            billingAccountId = account, displayName = "West", currency = "USD", timeZone = "America/Los_Angeles", invoiceDay = 1,
        })).GetProperty("id").GetGuid();
        var meter = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Legacy VM", category = "Virtual Machines", unit = "1 Hour" })).GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{meter}/prices", new { currency = "USD", unitPrice = 2.00m, effectiveFrom = Local(2019, 6, 1, 0, 0) });

        // 366 days back is the furthest a start may go; 367 is refused.
        using var tooFar = await PurserApi.PostAsync(op, "/ops/subscriptions", new { billingProfileId = profile, displayName = "Ancient", offerType = "PayAsYouGo", startDate = "2018-09-03" });
        var error = (await AccountsApiTests.ReadAsync(tooFar, HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal("StartBackdatedTooFar", error.GetProperty("code").GetString());
        Assert.Equal("startDate", error.GetProperty("target").GetString());
        await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profile, displayName = "A year back", offerType = "PayAsYouGo", startDate = "2018-09-04" });

        var subscription = await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profile, displayName = "Migrated", offerType = "PayAsYouGo", startDate = "2019-07-20" });
        var subscriptionId = subscription.GetProperty("id").GetGuid();
        // It started at local midnight of its start date (07:00 UTC in summer) and was recorded now.
        Assert.Equal(Local(2019, 7, 20, 0, 0), subscription.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(Recorded, subscription.GetProperty("recordedAt").GetDateTimeOffset());
        await using (var db = api.Database.Store.CreateContext())
        {
            var audit = await db.Outbox.AsNoTracking().Where(m => m.Kind == "SubscriptionBackdated" && m.Recipient == subscriptionId.ToString()).ToListAsync();
            Assert.Contains("started 2019-07-20, recorded 2019-09-05", Assert.Single(audit).Subject, StringComparison.Ordinal);
            Assert.Single(await db.Outbox.AsNoTracking().Where(m => m.Kind == "PriceBackdated" && m.Recipient == meter.ToString()).ToListAsync());
        }

        // July and August usage arrives; 23:30 on 31 August in Los Angeles is already 1 September in UTC, and August's.
        await UseAsync(api, op, subscriptionId, meter, ("jul-25", 3m, Local(2019, 7, 25, 10, 0)), ("aug-31", 2m, Local(2019, 8, 31, 23, 30)));
        var july = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profile, period = "2019-07" });
        var august = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profile, period = "2019-08" });
        Assert.Equal(6.00m, july.GetProperty("subTotal").GetDecimal());
        Assert.Equal(4.00m, august.GetProperty("subTotal").GetDecimal());

        // More July usage, reported after July was invoiced, is billed on the next invoice (R-LATE): nothing dropped, nothing twice.
        await UseAsync(api, op, subscriptionId, meter, ("jul-28", 1.5m, Local(2019, 7, 28, 9, 0)), ("jul-25", 3m, Local(2019, 7, 25, 10, 0)));
        api.AdvanceClockTo(Local(2019, 10, 1, 0, 20));
        var september = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profile, period = "2019-09" });
        Assert.Equal(3.00m, september.GetProperty("subTotal").GetDecimal());
        Assert.Equal(1, september.GetProperty("lineCount").GetInt32());
    }

    private static async Task UseAsync(PurserApi api, HttpClient op, Guid subscriptionId, Guid meterId, params (string Id, decimal Quantity, DateTimeOffset At)[] usage)
    {
        var events = usage.Select(u => new { eventId = u.Id, subscriptionId, meterId, quantity = u.Quantity, timestamp = u.At }).ToArray();
        var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.legacy", events }), HttpStatusCode.OK);
        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        LosAngeles.StartOf(new DateOnly(year, month, day)).AddHours(hour).AddMinutes(minute);
}
