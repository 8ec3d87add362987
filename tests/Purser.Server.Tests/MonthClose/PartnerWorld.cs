using System.Globalization;
using System.Net;
using System.Text.Json;
using Purser.Core.Calendar;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.MonthClose;

/// <summary>
/// A partner ("CSP-1", billing day 15) with one customer whose billing profile (USD, invoice day 15)
/// counts its days in <see cref="Zone"/>, and a license product, all made through the operator API
/// on a clock the test moves. Times are given as local wall-clock times of the profile.
/// </summary>
public sealed partial class PartnerWorld
{
    public const string PartnerId = "CSP-1";

    private PartnerWorld(PurserApi api, BillingTimeZone zone) => (Api, Zone) = (api, zone);

    public PurserApi Api { get; }
    public BillingTimeZone Zone { get; }
    public Guid AccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public Guid LicenseMeterId { get; private set; }

    /// <summary>Builds the world at local midnight of <paramref name="opened"/>, selling a seat at <paramref name="seatPrice"/> a month.</summary>
    public static async Task<PartnerWorld> BuildAsync(PurserApi api, string zone, DateOnly opened, decimal seatPrice, int invoiceDay = 15)
    {
        var world = new PartnerWorld(api, BillingTimeZone.Resolve(zone));
        world.At(opened, 0, 0);
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/partners", new { id = PartnerId, companyName = "Contoso Reseller", billingDay = invoiceDay });
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Fabrikam Customer", agreementType = "MicrosoftPartnerAgreement", accountType = "Partner",
            soldTo = new { addressLine1 = "1 Main St", country = "US" },
        });
        world.AccountId = account.GetProperty("id").GetGuid();
        world.ProfileId = (await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new
        {
            billingAccountId = world.AccountId, displayName = "Fabrikam", currency = "USD", invoiceDay, timeZone = zone, language = "en",
        })).GetProperty("id").GetGuid();
        world.LicenseMeterId = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Office E3", category = "Licenses", unit = "seat/month", creditEligible = false }))
            .GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{world.LicenseMeterId}/prices", new { currency = "USD", unitPrice = seatPrice });
        return world;
    }

    /// <summary>The instant of a local wall-clock time of the profile.</summary>
    public DateTimeOffset Local(DateOnly day, int hour, int minute) => Zone.StartOf(day).AddHours(hour).AddMinutes(minute);

    /// <summary>Moves the clock to a local wall-clock time of the profile.</summary>
    public void At(DateOnly day, int hour, int minute) => Api.AdvanceClockTo(Local(day, hour, minute));

    public async Task<Guid> LicenseAsync(DateOnly start, int seats)
    {
        using var op = Api.Operator();
        return (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new
        {
            billingProfileId = ProfileId, displayName = "Office seats", offerType = "LicenseBased", partnerId = PartnerId,
            licenseMeterId = LicenseMeterId, seats, startDate = Day(start),
        })).GetProperty("id").GetGuid();
    }

    public async Task SeatsAsync(Guid subscription, DateOnly effective, int seats)
    {
        using var op = Api.Operator();
        await PurserApi.CreatedAsync(op, $"/ops/subscriptions/{subscription}/seatChanges", new { effectiveDate = Day(effective), seats });
    }

    public async Task CancelAsync(Guid subscription, DateOnly effective)
    {
        using var op = Api.Operator();
        await PurserApi.CreatedAsync(op, $"/ops/subscriptions/{subscription}/cancellation", new { effectiveDate = Day(effective) });
    }

    /// <summary>Closes the period that starts in <paramref name="month"/> (yyyy-MM) and answers the invoice.</summary>
    public async Task<JsonElement> CloseAsync(string month)
    {
        using var op = Api.Operator();
        return await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = ProfileId, period = month });
    }

    /// <summary>The invoice preview of the profile's open period: what closing it would bill now.</summary>
    public async Task<JsonElement> PreviewAsync()
    {
        using var op = Api.Operator();
        return await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/billingProfiles/{ProfileId}/invoicePreview"), HttpStatusCode.OK);
    }

    /// <summary>
    /// Closes <paramref name="month"/> again, as a retried run would: the same invoice comes back and
    /// the reconciliation file does not change.
    /// </summary>
    public async Task AssertCloseReplaysAsync(string month, JsonElement invoice)
    {
        var file = await ReconTextAsync(month);
        var again = await CloseAsync(month);
        Assert.Equal(NumberOf(invoice), NumberOf(again));
        Assert.Equal(invoice.GetProperty("subTotal").GetDecimal(), again.GetProperty("subTotal").GetDecimal());
        Assert.Equal(file, await ReconTextAsync(month));
    }

    public static string NumberOf(JsonElement invoice) => invoice.GetProperty("invoiceNumber").GetString()!;

    /// <summary>The rows of the reconciliation files of <paramref name="months"/> (yyyy-MM), file after file.</summary>
    public async Task<List<ReconRow>> ReconAsync(params string[] months)
    {
        var rows = new List<ReconRow>();
        foreach (var month in months)
            rows.AddRange(ReconRow.Parse(await ReconTextAsync(month)));
        return rows;
    }

    /// <summary>The reconciliation file of <paramref name="month"/> as the operator API serves it.</summary>
    public async Task<string> ReconTextAsync(string month)
    {
        using var op = Api.Operator();
        return await ReconTextAsync(op, PartnerId, month);
    }

    /// <summary>A partner's reconciliation file for the cycle starting in <paramref name="month"/> (yyyy-MM), read back row by row.</summary>
    public static async Task<List<ReconRow>> ReconAsync(HttpClient op, string partnerId, string month) =>
        [.. ReconRow.Parse(await ReconTextAsync(op, partnerId, month))];

    private static async Task<string> ReconTextAsync(HttpClient op, string partnerId, string month)
    {
        ArgumentNullException.ThrowIfNull(op);
        var response = await op.GetAsync($"/ops/partners/{partnerId}/reconciliation/{month}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
