using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine.Lifecycle;
using Purser.Engine.Rating;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>One billing profile of the world: its name (the key results are matched by), calendar and currency, and whether May is invoiced.</summary>
internal sealed record WorldProfile(Guid Id, string Name, string TimeZone, int InvoiceDay, string Currency, bool MayInvoiced);

/// <summary>
/// Many billing profiles whose June 2025 periods are over, every fact derived from one seed and made through
/// the operator API on a server whose clock stands at <see cref="Opened"/> and then at <see cref="Built"/>:
/// profiles "crash-00", "crash-01", … in UTC, Shanghai, Los Angeles and Berlin with invoice days 1, 5, 15,
/// 28 and 31; license subscriptions of three partners with seat changes (recorded after May's close, so
/// some are corrections) and cancellations; usage on a credit-eligible and an ineligible meter, rated; one-off
/// charges; credit lots, some of which expired on 10 June. Every other profile has May invoiced already.
/// Nothing in it is due to the lifecycle sweep or the rating worker afterwards, whatever the real date.
/// </summary>
internal sealed class BillingRunWorld
{
    public static readonly DateTimeOffset Opened = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Built = new(2025, 7, 2, 12, 0, 0, TimeSpan.Zero);
    public const string Closed = "2025-05";
    public const string Month = "2025-06";
    public static readonly string[] Partners = ["CSP-A", "CSP-B", "CSP-C"];

    private static readonly (string Zone, string Currency)[] Zones =
        [("UTC", "USD"), ("Asia/Shanghai", "CNY"), ("America/Los_Angeles", "USD"), ("Europe/Berlin", "EUR")];
    private static readonly int[] InvoiceDays = [1, 5, 15, 28, 31];
    private static readonly DateTimeOffset Never = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June10 = new(2025, 6, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly PurserApi _api;
    private readonly HttpClient _op;
    private readonly Random _random;
    private readonly List<object> _usage = [];
    private Guid[] _licenseMeters = [];
    private Guid _computeMeter;
    private Guid _supportMeter;

    private BillingRunWorld(PurserApi api, int seed)
    {
        _api = api;
        _op = api.Operator();
        _random = new Random(seed);
    }

    public List<WorldProfile> Profiles { get; } = [];

    /// <summary>How many invoices the world itself issued (May's, for every other profile).</summary>
    public int InvoicesBefore { get; private set; }

    /// <summary>Builds the world on a server started at <see cref="Opened"/>; its clock is left at <see cref="Built"/>.</summary>
    public static async Task<BillingRunWorld> BuildAsync(PurserApi api, int profiles, int seed)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (api.Clock.GetUtcNow() != Opened)
            throw new ArgumentException($"Start the server at {Opened:O}: the clock only moves forward.", nameof(api));
        var world = new BillingRunWorld(api, seed);
        try
        {
            await world.CatalogAsync();
            var subscriptions = new List<(WorldProfile Profile, List<(Guid Id, DateOnly Start)> Licenses, Guid Usage)>();
            for (var i = 0; i < profiles; i++)
                subscriptions.Add(await world.ProfileAsync(i));

            // Usage of May and early June arrives in June, the rest on 2 July; each batch is rated at once.
            api.AdvanceClockTo(new DateTimeOffset(2025, 6, 5, 0, 0, 0, TimeSpan.Zero));
            foreach (var (profile, _, usage) in subscriptions)
                world.Usage(profile, usage, new DateOnly(2025, 5, 2), 34);
            await world.IngestAndRateAsync();
            api.AdvanceClockTo(Built);
            foreach (var (profile, _, usage) in subscriptions)
                world.Usage(profile, usage, new DateOnly(2025, 6, 5), 27);
            await world.IngestAndRateAsync();
            await api.Services.GetRequiredService<LifecycleSweep>().RunAsync(CancellationToken.None);

            foreach (var (profile, licenses, usage) in subscriptions)
            {
                await world.ChargesAsync(profile, usage);
                if (profile.MayInvoiced)
                {
                    await PurserApi.CreatedAsync(world._op, "/ops/billingRuns", new { billingProfileId = profile.Id, period = Closed });
                    world.InvoicesBefore++;
                }
                foreach (var license in licenses)
                    await world.SeatChangesAsync(license.Id, license.Start);
            }
        }
        finally
        {
            world._op.Dispose();
        }
        return world;
    }

    private async Task CatalogAsync()
    {
        foreach (var (id, day) in Partners.Zip([1, 15, 28]))
            await PurserApi.CreatedAsync(_op, "/ops/partners", new { id, companyName = $"Reseller {id}", billingDay = day });
        _licenseMeters =
        [
            await MeterAsync("Office E3", "Licenses", "seat/month", creditEligible: false, ("USD", 11m), ("CNY", 80m), ("EUR", 10.5m)),
            await MeterAsync("Teams Premium", "Licenses", "seat/month", creditEligible: true, ("USD", 7m), ("CNY", 48m), ("EUR", 6.5m)),
        ];
        _computeMeter = await MeterAsync("VM D2 v3", "Virtual Machines", "1 Hour", creditEligible: true, ("USD", 0.096m), ("CNY", 0.92m), ("EUR", 0.089m));
        _supportMeter = await MeterAsync("Support hours", "Support", "1 Hour", creditEligible: false, ("USD", 95m), ("CNY", 650m), ("EUR", 88m));
    }

    private async Task<Guid> MeterAsync(string name, string category, string unit, bool creditEligible, params (string Currency, decimal Price)[] prices)
    {
        var id = Id(await PurserApi.CreatedAsync(_op, "/ops/meters", new { name, category, unit, creditEligible }));
        foreach (var (currency, unitPrice) in prices)
            await PurserApi.CreatedAsync(_op, $"/ops/meters/{id}/prices", new { currency, unitPrice });
        return id;
    }

    private async Task<(WorldProfile, List<(Guid, DateOnly)>, Guid)> ProfileAsync(int i)
    {
        var (zone, currency) = Zones[i % Zones.Length];
        var invoiceDay = InvoiceDays[i % InvoiceDays.Length];
        var name = $"crash-{i:D2}";
        var account = Id(await PurserApi.CreatedAsync(_op, "/ops/billingAccounts", new
        {
            displayName = $"Customer {name}", agreementType = "MicrosoftPartnerAgreement", accountType = "Partner",
            soldTo = new { addressLine1 = $"{i} Main St", country = "US" },
        }));
        var profile = new WorldProfile(Id(await PurserApi.CreatedAsync(_op, "/ops/billingProfiles", new
        {
            billingAccountId = account, displayName = name, currency, invoiceDay, timeZone = zone, language = "en", poNumber = $"PO-{name}",
        })), name, zone, invoiceDay, currency, MayInvoiced: i % 2 == 0);
        Profiles.Add(profile);

        for (var lots = _random.Next(3); lots > 0; lots--)
            await PurserApi.CreatedAsync(_op, "/ops/credits", new
            {
                billingProfileId = profile.Id, amount = (decimal)_random.Next(20, 400), startDate = Opened,
                expirationDate = _random.Next(3) == 0 ? June10 : Never,
            });
        var partner = Partners[i % Partners.Length];
        var licenses = new List<(Guid, DateOnly)>();
        for (var n = 1 + _random.Next(2); n > 0; n--)
        {
            var start = new DateOnly(2025, 5, 1 + _random.Next(28));
            licenses.Add((Id(await PurserApi.CreatedAsync(_op, "/ops/subscriptions", new
            {
                billingProfileId = profile.Id, displayName = $"{name} seats {n}", offerType = "LicenseBased", partnerId = partner,
                licenseMeterId = _licenseMeters[_random.Next(_licenseMeters.Length)], seats = 1 + _random.Next(40), startDate = Day(start),
            })), start));
        }
        // Half the usage is partner-sold (it shows in the partner's reconciliation file), half pay-as-you-go.
        var usage = Id(await PurserApi.CreatedAsync(_op, "/ops/subscriptions", i % 2 == 0
            ? new { billingProfileId = profile.Id, displayName = $"{name} usage", offerType = "UsageBased", partnerId = partner }
            : (object)new { billingProfileId = profile.Id, displayName = $"{name} usage", offerType = "PayAsYouGo" }));
        return (profile, licenses, usage);
    }

    /// <summary>Six events on days from <paramref name="from"/> within <paramref name="days"/> days, at whole minutes UTC.</summary>
    private void Usage(WorldProfile profile, Guid subscription, DateOnly from, int days)
    {
        for (var k = 0; k < 6; k++)
        {
            var at = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                .AddDays(_random.Next(days)).AddMinutes(_random.Next(24 * 60));
            var meter = _random.Next(4) == 0 ? _supportMeter : _computeMeter;
            _usage.Add(new
            {
                eventId = $"{profile.Name}-{from:MMdd}-{k}", subscriptionId = subscription, meterId = meter,
                quantity = Math.Round(0.25m + (decimal)_random.NextDouble() * 40m, 2), timestamp = at,
            });
        }
    }

    private async Task IngestAndRateAsync()
    {
        using var response = await PurserApi.PostAsync(_op, "/ops/usage", new { source = "crash-world", events = _usage });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /ops/usage answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        _usage.Clear();
        await _api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
    }

    private async Task ChargesAsync(WorldProfile profile, Guid usage)
    {
        for (var n = _random.Next(3); n > 0; n--)
            await PurserApi.CreatedAsync(_op, "/ops/charges", new
            {
                billingProfileId = profile.Id, subscriptionId = _random.Next(2) == 0 ? usage : (Guid?)null,
                amount = _random.Next(500, 20000) / 100m, description = $"{profile.Name} setup {n}", creditEligible = _random.Next(3) > 0,
                chargedAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddDays(_random.Next(31)),
            });
    }

    /// <summary>Up to three seat changes after the start, recorded now (some fall in May, already invoiced), and now and then a cancellation in June.</summary>
    private async Task SeatChangesAsync(Guid subscription, DateOnly start)
    {
        var day = start;
        for (var n = _random.Next(4); n > 0; n--)
        {
            day = day.AddDays(1 + _random.Next(12));
            await PurserApi.CreatedAsync(_op, $"/ops/subscriptions/{subscription}/seatChanges", new { effectiveDate = Day(day), seats = 1 + _random.Next(40) });
        }
        if (_random.Next(5) == 0)
            await PurserApi.CreatedAsync(_op, $"/ops/subscriptions/{subscription}/cancellation", new { effectiveDate = Day(day.AddDays(1 + _random.Next(10))) });
    }

    private static Guid Id(System.Text.Json.JsonElement created) => created.GetProperty("id").GetGuid();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
