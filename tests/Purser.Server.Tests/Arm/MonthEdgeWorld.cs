using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Calendar;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Server.Tests.Operator;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

/// <summary>
/// A CNY billing profile in one time zone (invoice day 1), with 100.00 of credit granted on 2024-01-20 and a
/// credit-eligible meter at 1.00 a unit, read across the local midnight that ends January 2024. Usage of
/// 1 unit at noon on Jan 31 is rated at once (12:05); 2 units at 23:50 on Jan 31 and 4 units at 00:10 on Feb 1
/// arrive and are rated at 00:30 on Feb 1, so January's 23:50 usage draws its credit in February.
/// </summary>
/// <remarks>
/// Shanghai's midnight (UTC+8) falls on Jan 31 in UTC and Los Angeles' (UTC−8) on Feb 1, so between the two
/// zones a check made just before (<see cref="BeforeMidnight"/>) and just after
/// (<see cref="AfterMidnightAsync"/>) local midnight always finds one where the UTC day is not the local one.
/// </remarks>
internal sealed class MonthEdgeWorld
{
    public static readonly string[] Zones = ["Asia/Shanghai", "America/Los_Angeles"];

    public static readonly DateTimeOffset Opened = new(2024, 1, 20, 0, 0, 0, TimeSpan.Zero);

    private MonthEdgeWorld(PurserApi api, BillingTimeZone zone, UsageFixture fixture, string accountName, string profileName)
    {
        Api = api;
        Zone = zone;
        Fixture = fixture;
        AccountPath = $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(accountName)}";
        ProfilePath = $"{AccountPath}/billingProfiles/{profileName}";
    }

    public static TheoryData<StorageEngine, string> EnginesAndZones
    {
        get
        {
            var data = new TheoryData<StorageEngine, string>();
            foreach (var engine in Engines.All)
                foreach (var zone in Zones)
                    data.Add(engine, zone);
            return data;
        }
    }

    public PurserApi Api { get; }
    public BillingTimeZone Zone { get; }
    public UsageFixture Fixture { get; }
    public string AccountPath { get; }
    public string ProfilePath { get; }

    public static Task<PurserApi> StartApiAsync(StorageEngine engine) => PurserApi.StartAsync(engine, Opened);

    /// <summary>Builds the profile and rates the noon usage, leaving the clock at 12:05 on Jan 31, local time.</summary>
    public static async Task<MonthEdgeWorld> CreateAsync(PurserApi api, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(api);
        var fixture = await UsageFixture.CreateAsync(api, timeZone: timeZone);
        using var op = api.Operator();
        await CreatedAsync(op, $"/ops/meters/{fixture.MeterId}/prices", new { currency = "CNY", unitPrice = 1.00m });
        await CreatedAsync(op, "/ops/credits", new
        {
            billingProfileId = fixture.ProfileId, amount = 100.00m, source = "Azure Promotional Credit", startDate = Opened, expirationDate = Opened.AddYears(1),
        });
        string accountName, profileName;
        await using (var db = api.Database.Store.CreateContext())
        {
            accountName = db.BillingAccounts.Single(a => a.Id == fixture.AccountId).Name;
            profileName = db.BillingProfiles.Single(p => p.Id == fixture.ProfileId).Name;
        }
        var world = new MonthEdgeWorld(api, BillingTimeZone.Resolve(timeZone), fixture, accountName, profileName);
        await world.UseAsync(world.Local(1, 31, 12, 5), ("noon", 1m, world.Local(1, 31, 12, 0)));
        return world;
    }

    /// <summary>Five minutes to midnight on Jan 31, local time; nothing new is used.</summary>
    public void BeforeMidnight() => Api.AdvanceClockTo(Local(1, 31, 23, 55));

    /// <summary>Half past midnight on Feb 1, local time: the 23:50 and 00:10 usage arrives and is rated.</summary>
    public Task AfterMidnightAsync() =>
        UseAsync(Local(2, 1, 0, 30), ("late", 2m, Local(1, 31, 23, 50)), ("early", 4m, Local(2, 1, 0, 10)));

    /// <summary>The instant a wall-clock time of 2024 is in the profile's zone.</summary>
    public DateTimeOffset Local(int month, int day, int hour, int minute) =>
        Zone.StartOf(new DateOnly(2024, month, day)).AddHours(hour).AddMinutes(minute);

    /// <summary>An instant as a query carries it: ISO 8601 in UTC, so its UTC day is not always the profile's.</summary>
    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private async Task UseAsync(DateTimeOffset ratedAt, params (string Id, decimal Quantity, DateTimeOffset At)[] usage)
    {
        // The clock moves first: the rating worker, woken by the batch, rates at the time the test means.
        Api.AdvanceClockTo(ratedAt);
        using var op = Api.Operator();
        var events = usage.Select(u => Fixture.Event(u.Id, u.Quantity, u.At)).ToArray();
        var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events }), HttpStatusCode.OK);
        Assert.Equal(events.Length, result.GetProperty("accepted").GetInt32());
        await Api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
    }
}
