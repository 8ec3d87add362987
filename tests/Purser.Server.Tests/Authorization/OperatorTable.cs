using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Authorization;

/// <summary>The operator API (R-OPS) in the matrix: one valid, fresh request per call, aimed at the target's account and profile.</summary>
internal static class OperatorTable
{
    private static readonly string[] EveryType = ["*"];

    public static IReadOnlyDictionary<string, EndpointCase> All { get; } = new Dictionary<string, EndpointCase>(StringComparer.Ordinal)
    {
        ["POST /ops/billingAccounts"] = Create(c => new
        {
            displayName = $"Authz {c.N}", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "1 Main Street", country = "US" },
        }),
        ["POST /ops/billingProfiles"] = Create(c => new { billingAccountId = c.Target.AccountId, displayName = $"Profile {c.N}", currency = "USD" }),
        ["POST /ops/users"] = Create(c => new { billingAccountId = c.Target.AccountId, email = $"user-{c.N}@authz.test" }),
        ["POST /ops/roleAssignments"] = Create(c => new { userId = c.Route["user"], role = "BillingAccountReader", scopeId = c.Target.AccountId }, async c =>
            c.Route["user"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/users", new { billingAccountId = c.Target.AccountId, email = $"role-{c.N}@authz.test" }))
                .GetProperty("id").GetString()!),
        ["POST /ops/tokens"] = Create(c => new { userId = c.Target.UserId, name = $"token {c.N}" }),
        ["GET /ops/users/{userId:guid}"] = new(Access.OperatorOnly, Setup: c =>
        {
            c.Route["userId"] = c.Target.UserId.ToString();
            return Task.CompletedTask;
        }),
        ["GET /ops/users/{userId:guid}/tokens"] = new(Access.OperatorOnly, Setup: c =>
        {
            c.Route["userId"] = c.Target.UserId.ToString();
            return Task.CompletedTask;
        }),
        // Each call revokes a token made just for it.
        ["POST /ops/tokens/{tokenId:guid}/revocation"] = new(Access.OperatorOnly, 200, Body: _ => new { }, Setup: async c =>
            c.Route["tokenId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/tokens", new { userId = c.Target.UserId, name = $"doomed {c.N}" }))
                .GetProperty("id").GetString()!),
        ["POST /ops/credits"] = Create(c => new { billingProfileId = c.Target.ProfileId, amount = 10m + c.N }),
        ["POST /ops/creditLots/{lotId:guid}/adjustments"] = Create(c => new { amount = -1m, reason = $"Correction {c.N}" }, LotAsync),
        ["POST /ops/creditLots/{lotId:guid}/void"] = Create(c => new { reason = $"Withdrawn {c.N}" }, LotAsync),
        ["GET /ops/billingProfiles/{billingProfileId:guid}/creditEvents"] = new(Access.OperatorOnly),
        ["GET /ops/billingProfiles/{billingProfileId:guid}/creditAlerts"] = new(Access.OperatorOnly),
        ["PUT /ops/billingProfiles/{billingProfileId:guid}/creditAlerts"] = new(Access.OperatorOnly, 200,
            Body: c => new { thresholds = new[] { new { basis = "Amount", value = 10m + c.N }, new { basis = "PercentOfLastTopUp", value = 20m } } }),
        // Each call refunds part of a charge made just for it.
        ["POST /ops/charges/{chargeId:guid}/refunds"] = Create(_ => new { amount = 1.25m }, async c =>
            c.Route["chargeId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/charges",
                new { billingProfileId = c.Target.ProfileId, amount = 5m, description = $"Refundable {c.N}" })).GetProperty("id").GetString()!),
        ["POST /ops/charges"] = Create(c => new
        {
            billingProfileId = c.Target.ProfileId, amount = 0.01m * c.N, description = $"Charge {c.N}", chargedAt = c.Now.AddMinutes(-1),
        }),
        // A billing run closes a period once, so each call closes September of a profile made just for it.
        ["POST /ops/billingRuns"] = Create(c => new { billingProfileId = c.Route["freshProfile"], periodStart = "2019-09-01", periodEnd = "2019-09-30" }, async c =>
            c.Route["freshProfile"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/billingProfiles",
                new { billingAccountId = c.Target.AccountId, displayName = $"Run {c.N}", currency = "USD" })).GetProperty("id").GetString()!),
        ["POST /ops/meters"] = Create(c => new { name = $"Meter {c.N}", category = "Virtual Machines", unit = "1 Hour" }),
        ["GET /ops/meters"] = new(Access.OperatorOnly),
        // A meter's first price, on a meter made just for it.
        ["POST /ops/meters/{meterId:guid}/prices"] = Create(_ => new { currency = "USD", unitPrice = 0.5m }, async c =>
            c.Route["meterId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/meters", new { name = $"Priced {c.N}", category = "Storage", unit = "1 GB" }))
                .GetProperty("id").GetString()!),
        ["POST /ops/partners"] = Create(c => new { id = $"P-{c.N}", companyName = $"Partner {c.N}" }),
        ["GET /ops/partners/{partnerId}"] = new(Access.OperatorOnly),
        ["POST /ops/subscriptions"] = Create(c => new { billingProfileId = c.Target.ProfileId, displayName = $"Sub {c.N}", offerType = "PayAsYouGo" }),
        ["PATCH /ops/subscriptions/{subscriptionId:guid}"] = new(Access.OperatorOnly, 200, Body: c => new { displayName = $"Renamed {c.N}" }),
        ["GET /ops/subscriptions/{subscriptionId:guid}"] = new(Access.OperatorOnly),
        ["GET /ops/subscriptions/{subscriptionId:guid}/entitlement"] = new(Access.OperatorOnly),
        ["GET /ops/subscriptions/{subscriptionId:guid}/usageSeries"] = new(Access.OperatorOnly),
        ["POST /ops/usage"] = new(Access.OperatorOnly, 200, Body: c => new
        {
            source = "rp.authz",
            events = new[] { new { eventId = $"authz-{c.N}", subscriptionId = c.Target.SubscriptionId, meterId = c.World.UsageMeterId, quantity = 1m, timestamp = c.Now.AddHours(-1) } },
        }),
        ["POST /ops/payments"] = Create(c => new { subscriptionId = c.Target.PrepaidSubscriptionId, amount = 1000m + c.N }),
        ["POST /ops/subscriptions/{subscriptionId:guid}/seatChanges"] = Create(c => new { effectiveDate = "2019-10-20", seats = 3 + c.N }, LicenseAsync),
        ["POST /ops/subscriptions/{subscriptionId:guid}/cancellation"] = Create(_ => new { effectiveDate = "2019-10-25" }, LicenseAsync),
        ["GET /ops/billingProfiles/{billingProfileId:guid}/invoicePreview"] = new(Access.OperatorOnly),
        ["GET /ops/partners/{partnerId}/reconciliation/{period}"] = new(Access.OperatorOnly, Setup: ReconPeriod),
        // A payment of part of what is due, on an invoice of 5.00 closed for a profile made just for it.
        ["POST /ops/invoices/{invoiceId:guid}/payments"] = Create(_ => new { amount = 1.25m, method = "WireTransfer" }, async c =>
        {
            var profile = (await PurserApi.CreatedAsync(c.Operator, "/ops/billingProfiles",
                new { billingAccountId = c.Target.AccountId, displayName = $"Payable {c.N}", currency = "USD" })).GetProperty("id").GetString()!;
            await PurserApi.CreatedAsync(c.Operator, "/ops/charges", new { billingProfileId = profile, amount = 5m, description = $"Payable {c.N}", chargedAt = "2019-09-15T12:00:00Z" });
            c.Route["invoiceId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/billingRuns",
                new { billingProfileId = profile, periodStart = "2019-09-01", periodEnd = "2019-09-30" })).GetProperty("id").GetString()!;
        }),
        // Switching the standing budget's stop action off leaves the target's usage as it was.
        ["PUT /ops/budgets/stopAction"] = new(Access.OperatorOnly, 200, Body: c => new
        {
            budgetId = $"/subscriptions/{c.Target.SubscriptionId}/providers/Microsoft.Consumption/budgets/{AuthzWorld.StandingBudget}", stop = false,
        }),
        ["POST /ops/webhooks"] = Create(c => new { url = $"https://hooks.authz.test/{c.N}", eventTypes = EveryType }),
        ["GET /ops/webhooks"] = new(Access.OperatorOnly),
        ["GET /ops/webhooks/{webhookId:guid}"] = new(Access.OperatorOnly, Setup: WebhookAsync),
        ["DELETE /ops/webhooks/{webhookId:guid}"] = new(Access.OperatorOnly, Setup: WebhookAsync),
        ["GET /ops/webhooks/{webhookId:guid}/deliveries"] = new(Access.OperatorOnly, Setup: WebhookAsync),
        // A delivery owed to a webhook made just for the call: an event (a backdated subscription) fanned out to it.
        ["POST /ops/webhooks/{webhookId:guid}/deliveries/{deliveryId:long}/redelivery"] = new(Access.OperatorOnly, 200, Body: _ => new { }, Setup: async c =>
        {
            await WebhookAsync(c);
            await PurserApi.CreatedAsync(c.Operator, "/ops/subscriptions",
                new { billingProfileId = c.Target.ProfileId, displayName = $"Backdated {c.N}", offerType = "PayAsYouGo", startDate = "2019-08-20" });
            await c.World.Api.Services.GetRequiredService<EventFanOut>().RunAsync(CancellationToken.None);
            var log = await c.Operator.GetFromJsonAsync<JsonElement>($"/ops/webhooks/{c.Route["webhookId"]}/deliveries");
            c.Route["deliveryId"] = log.GetProperty("value")[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        }),
        ["GET /ops/outbox/mail"] = new(Access.OperatorOnly, Query: "status=Pending&top=5"),
        // An invoice e-mail of an account made just for the call: its administrator, a charge, a close, the fan-out that writes the mail.
        ["POST /ops/outbox/mail/{messageId:guid}/retry"] = new(Access.OperatorOnly, 200, Body: _ => new { }, Setup: async c =>
        {
            var account = (await PurserApi.CreatedAsync(c.Operator, "/ops/billingAccounts", new
            {
                displayName = $"Mailed {c.N}", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
                soldTo = new { addressLine1 = "1 Main St", country = "US" },
            })).GetProperty("id").GetGuid();
            var profile = (await PurserApi.CreatedAsync(c.Operator, "/ops/billingProfiles",
                new { billingAccountId = account, displayName = $"Mailed {c.N}", currency = "USD", invoiceEmailOptIn = true })).GetProperty("id").GetString()!;
            var user = await PurserApi.CreatedAsync(c.Operator, "/ops/users", new { billingAccountId = account, email = $"mailed{c.N}@authz.test" });
            await PurserApi.CreatedAsync(c.Operator, "/ops/roleAssignments", new { userId = user.GetProperty("id").GetGuid(), role = "AccountAdministrator", scopeId = account });
            await PurserApi.CreatedAsync(c.Operator, "/ops/charges", new { billingProfileId = profile, amount = 5m, description = $"Mailed {c.N}", chargedAt = "2019-09-15T12:00:00Z" });
            await PurserApi.CreatedAsync(c.Operator, "/ops/billingRuns", new { billingProfileId = profile, periodStart = "2019-09-01", periodEnd = "2019-09-30" });
            await c.World.Api.Services.GetRequiredService<EventFanOut>().RunAsync(CancellationToken.None);
            var mail = await c.Operator.GetFromJsonAsync<JsonElement>("/ops/outbox/mail?top=1");
            c.Route["messageId"] = mail.GetProperty("value")[0].GetProperty("messageId").GetString()!;
        }),
    };

    /// <summary>A license subscription of the target's profile, sold by the world's partner, with a product priced for it.</summary>
    private static async Task LicenseAsync(RequestContext c)
    {
        var meter = (await PurserApi.CreatedAsync(c.Operator, "/ops/meters", new { name = $"Seats {c.N}", category = "Licenses", unit = "seat/month" }))
            .GetProperty("id").GetString()!;
        await PurserApi.CreatedAsync(c.Operator, $"/ops/meters/{meter}/prices", new { currency = "USD", unitPrice = 10m });
        c.Route["subscriptionId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/subscriptions", new
        {
            billingProfileId = c.Target.ProfileId, displayName = $"License {c.N}", offerType = "LicenseBased", partnerId = c.World.PartnerId,
            licenseMeterId = meter, seats = 2, startDate = "2019-10-01",
        })).GetProperty("id").GetString()!;
    }

    /// <summary>A webhook endpoint made just for the call (a DELETE removes it).</summary>
    private static async Task WebhookAsync(RequestContext c) =>
        c.Route["webhookId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/webhooks", new { url = $"https://hooks.authz.test/{c.N}", eventTypes = EveryType }))
            .GetProperty("id").GetString()!;

    /// <summary>A lot of the target's profile made just for the call (a void takes what is left of it).</summary>
    private static async Task LotAsync(RequestContext c) =>
        c.Route["lotId"] = (await PurserApi.CreatedAsync(c.Operator, "/ops/credits", new { billingProfileId = c.Target.ProfileId, amount = 10m }))
            .GetProperty("id").GetString()!;

    /// <summary>Reconciliation files are named by the cycle's month, yyyy-MM.</summary>
    public static Task ReconPeriod(RequestContext c)
    {
        c.Route["period"] = "2019-09";
        return Task.CompletedTask;
    }

    private static EndpointCase Create(Func<RequestContext, object> body, Func<RequestContext, Task>? setup = null) =>
        new(Access.OperatorOnly, 201, Body: body, Setup: setup);
}
