using System.Globalization;
using System.Text.Json.Nodes;
using Purser.Engine;
using static Purser.Server.Tests.Reliability.FieldKind;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// Every mutating operator endpoint (src/Purser.Server/Operator) described by one valid body and the
/// fields the engine's input records bind; the bad-input and idempotency matrices are generated from this.
/// </summary>
internal static class OperatorEndpoints
{
    private static readonly int[] BadRequest = [400];
    private static readonly int[] BadOrNotFound = [400, 404];
    private static readonly string[] ProfileRoles = ["BillingProfileReader", "BillingProfileContributor", "BillingProfileOwner", "InvoiceManager"];

    public static readonly IReadOnlyList<EndpointSpec> All =
    [
        new("billingAccounts", HttpMethod.Post, _ => "/ops/billingAccounts",
            (_, n) => new JsonObject
            {
                ["displayName"] = $"Contoso {n}", ["agreementType"] = "MicrosoftCustomerAgreement", ["accountType"] = "Enterprise",
                ["soldTo"] = Address(),
            },
            [
                new("displayName", Text, Required: true), new("agreementType", Choice, Required: true), new("accountType", Choice, Required: true),
                new("soldTo", Nested, Required: true), new("soldTo.addressLine1", Text, Required: true), new("soldTo.country", Text, Required: true),
                new("soldTo.city", Text), new("soldTo.region", Text), new("soldTo.postalCode", Text), new("soldTo.companyName", Text),
            ],
            []),

        new("billingProfiles", HttpMethod.Post, _ => "/ops/billingProfiles",
            (w, n) => new JsonObject
            {
                ["billingAccountId"] = w.AccountId, ["displayName"] = $"Profile {n}", ["currency"] = "CNY", ["invoiceDay"] = 5,
                ["timeZone"] = "Asia/Shanghai", ["invoiceEmailOptIn"] = true, ["poNumber"] = $"PO-{n}", ["paymentMethod"] = "WireTransfer",
                ["billTo"] = Address(), ["language"] = "zh-Hant",
            },
            [
                new("billingAccountId", Reference, Required: true), new("displayName", Text, Required: true), new("currency", Currency, Required: true),
                new("invoiceDay", Integer), new("timeZone", Zone), new("invoiceEmailOptIn", Flag), new("poNumber", Text),
                new("paymentMethod", Choice), new("language", Choice), new("billTo", Nested), new("billTo.addressLine1", Text, Required: true), new("billTo.country", Text, Required: true),
            ],
            [new("invoiceDay past the 31st", "invoiceDay", (b, _) => b["invoiceDay"] = 32, BadRequest)]),

        new("users", HttpMethod.Post, _ => "/ops/users",
            (w, n) => new JsonObject
            {
                ["billingAccountId"] = w.AccountId, ["email"] = $"user{n}@contoso.test", ["password"] = "correct horse battery",
                ["firstName"] = "Ada", ["lastName"] = "Lovelace", ["phone"] = "+86 21 5555 0100", ["company"] = "Contoso",
                ["isOperator"] = false, ["preferredLanguage"] = "en",
            },
            [
                new("billingAccountId", Reference, Required: true, Conditional: true), new("email", Email, Required: true), new("password", Password),
                new("firstName", Text), new("lastName", Text), new("phone", Text), new("company", Text), new("isOperator", Flag),
                new("preferredLanguage", Choice),
            ],
            [
                new("password too short", "password", (b, _) => b["password"] = "short", BadRequest),
                new("e-mail already taken", "email", (b, _) => b["email"] = "WORLD@contoso.test", [409]),
            ]),

        new("roleAssignments", HttpMethod.Post, _ => "/ops/roleAssignments",
            (w, n) => new JsonObject { ["userId"] = w.UserId, ["role"] = ProfileRoles[n % ProfileRoles.Length], ["scopeId"] = w.ProfileId },
            [new("userId", Reference, Required: true), new("role", Choice, Required: true), new("scopeId", Reference, Required: true)],
            [new("account role on a profile scope", "scopeId", (b, _) => b["role"] = "BillingAccountOwner", BadOrNotFound)]),

        new("tokens", HttpMethod.Post, _ => "/ops/tokens",
            (w, n) => new JsonObject { ["userId"] = w.UserId, ["name"] = $"ci {n}", ["validDays"] = 30 },
            [new("userId", Reference, Required: true), new("name", Text), new("validDays", Integer)],
            [new("validDays over ten years", "validDays", (b, _) => b["validDays"] = 3651, BadRequest)]),

        new("credits", HttpMethod.Post, _ => "/ops/credits",
            (w, n) => new JsonObject
            {
                ["billingProfileId"] = w.ProfileId, ["amount"] = 100 + n, ["currency"] = "CNY", ["source"] = "Azure Promotional Credit",
                ["startDate"] = w.Now, ["expirationDate"] = w.Now.AddYears(1), ["poNumber"] = $"PO-{n}",
            },
            [
                new("billingProfileId", Reference, Required: true), new("amount", Amount, Required: true), new("currency", Currency),
                new("source", Choice), new("startDate", Instant), new("expirationDate", Instant), new("poNumber", Text),
            ],
            [
                new("amount finer than a fen", "amount", (b, _) => b["amount"] = 0.001m, BadRequest),
                new("currency not the profile's", "currency", (b, _) => b["currency"] = "USD", BadRequest),
                new("expires before it starts", "expirationDate", (b, w) => b["expirationDate"] = w.Now.AddDays(-1), BadRequest),
            ]),

        new("creditAlerts PUT", HttpMethod.Put, w => $"/ops/billingProfiles/{w.ProfileId}/creditAlerts",
            (_, n) => new JsonObject { ["thresholds"] = new JsonArray(new JsonObject { ["basis"] = "Amount", ["value"] = 10 + n }) },
            [
                new("thresholds", List, Required: true), new("thresholds[0]", Nested),
                new("thresholds[0].basis", Choice, Required: true), new("thresholds[0].value", Amount, Required: true),
            ],
            [
                new("amount finer than a fen", "thresholds[0].value", (b, _) => b["thresholds"]![0]!["value"] = 0.001m, BadRequest),
                new("percentage above 100", "thresholds[0].value", (b, _) =>
                {
                    b["thresholds"]![0]!["basis"] = "PercentOfLastTopUp";
                    b["thresholds"]![0]!["value"] = 101;
                }, BadRequest),
                new("six thresholds", "thresholds", (b, _) => b["thresholds"] = new JsonArray([.. Enumerable.Range(1, 6).Select(i => new JsonObject { ["basis"] = "Amount", ["value"] = i })]), BadRequest),
                new("the same threshold twice", "thresholds[1]", (b, _) => b["thresholds"]!.AsArray().Add(b["thresholds"]![0]!.DeepClone()), BadRequest),
                new("unknown profile", "billingProfileId", (_, _) => { }, [404], _ => $"/ops/billingProfiles/{Guid.NewGuid()}/creditAlerts"),
            ],
            TakesIdempotencyKey: false),

        new("charges", HttpMethod.Post, _ => "/ops/charges",
            (w, n) => new JsonObject
            {
                ["billingProfileId"] = w.ProfileId, ["subscriptionId"] = w.SubscriptionId, ["amount"] = 10 + (n % 50),
                ["description"] = $"Support plan {n}", ["creditEligible"] = true, ["chargedAt"] = w.Now,
            },
            [
                new("billingProfileId", Reference, Required: true), new("subscriptionId", Reference), new("amount", Amount, Required: true),
                new("description", Text, Required: true), new("creditEligible", Flag), new("chargedAt", Instant),
            ],
            []),

        new("billingRuns", HttpMethod.Post, _ => "/ops/billingRuns",
            (w, n) => new JsonObject
            {
                // Each valid run closes a later month than the last (an earlier one is refused once a later one is invoiced), all long over.
                ["billingProfileId"] = w.ProfileId, ["periodStart"] = Day(1000 + (n / 12), 1 + (n % 12), 1), ["periodEnd"] = Day(1000 + (n / 12), 1 + (n % 12), 1, 0, 1),
            },
            [new("billingProfileId", Reference), new("periodStart", Date), new("periodEnd", Date), new("period", Text)],
            [
                new("period ends before it starts", "periodEnd", (b, _) => (b["periodStart"], b["periodEnd"]) = ("2019-08-01", "2019-07-31"), BadRequest),
                new("period not over yet", "period", (b, _) => (b["periodStart"], b["periodEnd"]) = ("2019-09-01", "2019-09-30"), BadRequest),
                new("period end not the day before the next billing date", "periodEnd", (b, _) => (b["periodStart"], b["periodEnd"]) = ("2019-07-01", "2019-07-30"), BadRequest),
                new("period start not a billing date", "periodStart", (b, _) => (b["periodStart"], b["periodEnd"]) = ("2019-07-02", null), BadRequest),
                new("period not a month", "period", (b, _) => (b["periodStart"], b["periodEnd"], b["period"]) = (null, null, "2019-13"), BadRequest),
            ]),

        new("meters", HttpMethod.Post, _ => "/ops/meters",
            (_, n) => new JsonObject
            {
                ["name"] = $"D{n} v3", ["category"] = "Virtual Machines", ["subCategory"] = "Dv3", ["unit"] = "1 Hour", ["creditEligible"] = true,
            },
            [
                new("name", Text, Required: true), new("category", Text, Required: true), new("subCategory", Text),
                new("unit", Text, Required: true), new("creditEligible", Flag),
            ],
            []),

        new("partners", HttpMethod.Post, _ => "/ops/partners",
            (_, n) => new JsonObject { ["id"] = $"P-{n}", ["companyName"] = $"Partner {n}", ["billingDay"] = 10 },
            [new("id", Slug, Required: true), new("companyName", Text, Required: true), new("billingDay", Integer)],
            [
                new("billingDay past the 31st", "billingDay", (b, _) => b["billingDay"] = 32, BadRequest),
                new("id already taken", "id", (b, w) => b["id"] = w.PartnerId, [409]),
            ]),

        // A PUT sets the switch to what it names, so a replay changes nothing without a key.
        new("budget stopAction", HttpMethod.Put, _ => "/ops/budgets/stopAction",
            (w, n) => new JsonObject { ["budgetId"] = SeededWorld.BudgetOf(w.SubscriptionId), ["stop"] = n % 2 == 0 },
            [new("budgetId", Slug, Required: true), new("stop", Flag, Required: true)],
            [
                new("unknown budget", "budgetId", (b, w) => b["budgetId"] = SeededWorld.BudgetOf(w.SubscriptionId) + "-gone", [404]),
                new("not a budget's ARM id", "budgetId", (b, w) => b["budgetId"] = $"/subscriptions/{w.SubscriptionId}", BadRequest),
            ],
            TakesIdempotencyKey: false),

        new("webhooks", HttpMethod.Post, _ => "/ops/webhooks",
            (_, n) => new JsonObject { ["url"] = $"https://hooks.contoso.test/{n}", ["eventTypes"] = new JsonArray("SubscriptionDisabled", "*"), ["description"] = $"ERP {n}" },
            [new("url", Url, Required: true), new("eventTypes", List, Required: true), new("eventTypes[0]", Choice), new("description", Text)],
            [
                new("ftp URL", "url", (b, _) => b["url"] = "ftp://hooks.contoso.test/", BadRequest),
                new("credentials in the URL", "url", (b, _) => b["url"] = "https://user:secret@hooks.contoso.test/", BadRequest),
                new("misspelt event type", "eventTypes[1]", (b, _) => b["eventTypes"]![1] = "SubscriptionDisabeld", BadRequest),
            ]),

        new("subscriptions", HttpMethod.Post, _ => "/ops/subscriptions",
            (w, n) => new JsonObject
            {
                ["billingProfileId"] = w.ProfileId, ["displayName"] = $"Seats {n}", ["offerType"] = "LicenseBased", ["partnerId"] = w.PartnerId,
                ["serviceAdministratorId"] = w.UserId, ["licenseMeterId"] = w.LicenseMeterId, ["seats"] = 5, ["startDate"] = "2019-08-15",
            },
            [
                new("startDate", Date),
                new("billingProfileId", Reference, Required: true), new("displayName", Text, Required: true), new("offerType", Choice, Required: true),
                new("partnerId", PartnerRef, Required: true, Conditional: true), new("serviceAdministratorId", Reference),
                new("licenseMeterId", Reference, Required: true, Conditional: true), new("seats", Integer, Required: true, Conditional: true),
            ],
            [
                new("seats above the limit", "seats", (b, _) => b["seats"] = 1_000_001, BadRequest),
                new("negative seats on a pay-as-you-go offer", "seats", (b, _) => (b["offerType"], b["seats"]) = ("PayAsYouGo", -3), BadRequest),
                new("a start date on a prepaid offer", "startDate", (b, _) => (b["offerType"], b["seats"], b["licenseMeterId"], b["partnerId"]) = ("StandardPrepaid", null, null, null), BadRequest),
                new("a pay-as-you-go start after today", "startDate", (b, _) => (b["offerType"], b["seats"], b["licenseMeterId"], b["startDate"]) = ("PayAsYouGo", null, null, "2019-09-02"), BadRequest),
                new("a start date two years back", "startDate", (b, _) => b["startDate"] = "2017-08-15", BadRequest),
                new("a pay-as-you-go start 367 days back", "startDate", (b, _) => (b["offerType"], b["seats"], b["licenseMeterId"], b["startDate"]) = ("PayAsYouGo", null, null, "2018-08-30"), BadRequest),
                new("a product with no price in the profile's currency", "licenseMeterId", (b, w) => b["licenseMeterId"] = w.MeterId, BadRequest),
            ]),

        new("seatChanges", HttpMethod.Post, w => $"/ops/subscriptions/{w.LicenseSubscriptionId}/seatChanges",
            (_, n) => new JsonObject { ["effectiveDate"] = Day(2019, 9, 2, n % 300), ["seats"] = 1 + (n % 50) },
            [new("effectiveDate", Date, Required: true), new("seats", Integer, Required: true)],
            [
                new("before the subscription started", "effectiveDate", (b, _) => b["effectiveDate"] = "2019-08-14", BadRequest),
                new("seats above the limit", "seats", (b, _) => b["seats"] = 1_000_001, BadRequest),
                new("a pay-as-you-go subscription", "subscriptionId", (_, _) => { }, BadRequest, w => $"/ops/subscriptions/{w.SubscriptionId}/seatChanges"),
                new("unknown subscription", "subscriptionId", (_, _) => { }, [404], _ => $"/ops/subscriptions/{Guid.NewGuid()}/seatChanges"),
            ]),

        new("subscriptions PATCH", HttpMethod.Patch, w => $"/ops/subscriptions/{w.SubscriptionId}",
            (w, n) => new JsonObject { ["displayName"] = $"Renamed {n}", ["serviceAdministratorId"] = w.UserId, ["partnerId"] = w.PartnerId },
            [new("displayName", Text), new("serviceAdministratorId", Reference), new("partnerId", PartnerRef)],
            [
                new("empty displayName", "displayName", (b, _) => b["displayName"] = "", BadRequest),
                new("blank displayName", "displayName", (b, _) => b["displayName"] = "   ", BadRequest),
                new("unknown subscription", "subscriptionId", (_, _) => { }, [404], _ => $"/ops/subscriptions/{Guid.NewGuid()}"),
                new("subscription id not a GUID", null, (_, _) => { }, [404], _ => "/ops/subscriptions/not-a-guid"),
            ]),

        new("payments", HttpMethod.Post, _ => "/ops/payments",
            (w, n) => new JsonObject
            {
                ["subscriptionId"] = w.PrepaidSubscriptionId, ["amount"] = 1000 + n, ["currency"] = "CNY", ["method"] = "WireTransfer", ["poNumber"] = $"PO-{n}",
            },
            [
                new("subscriptionId", Reference, Required: true), new("amount", Amount, Required: true), new("currency", Currency),
                new("method", Choice), new("poNumber", Text),
            ],
            [
                new("below the 1,000 minimum (R-PAY-MIN)", "amount", (b, _) => b["amount"] = 999.99m, BadRequest),
                new("a fraction of a fen", "amount", (b, _) => b["amount"] = 1000.001m, BadRequest),
                new("another currency than the profile's", "currency", (b, _) => b["currency"] = "USD", BadRequest),
                new("an invoiced (pay-as-you-go) subscription", "subscriptionId", (b, w) => b["subscriptionId"] = w.SubscriptionId, BadRequest),
            ]),

        new("invoice payments", HttpMethod.Post, w => $"/ops/invoices/{w.PayableInvoiceId}/payments",
            (w, n) => new JsonObject { ["amount"] = 1 + (n % 50), ["method"] = n % 2 == 0 ? "WireTransfer" : "CreditCard", ["receivedAt"] = w.Now },
            [new("amount", Amount, Required: true), new("method", Choice, Required: true), new("receivedAt", Instant)],
            [
                new("more than is still due", "amount", (b, _) => b["amount"] = 1_000_000.01m, BadRequest),
                new("a fraction of a fen", "amount", (b, _) => b["amount"] = 10.001m, BadRequest),
                new("received in the future", "receivedAt", (b, w) => b["receivedAt"] = w.Now.AddMinutes(5), BadRequest),
                new("received before the invoice was issued", "receivedAt", (b, w) => b["receivedAt"] = w.Now.AddDays(-1), BadRequest),
                new("unknown invoice", "invoiceId", (_, _) => { }, [404], _ => $"/ops/invoices/{Guid.NewGuid()}/payments"),
                new("invoice id not a GUID", null, (_, _) => { }, [404], _ => "/ops/invoices/not-a-guid/payments"),
            ]),

        new("prices", HttpMethod.Post, w => $"/ops/meters/{w.PricedMeterId}/prices",
            // Each valid price is a decrease taking effect a minute later than the last: decreases need no notice (R-PRICE-DOWN).
            (w, n) => new JsonObject { ["currency"] = "CNY", ["unitPrice"] = 1_000_000 - n, ["effectiveFrom"] = w.Now.AddMinutes(n + 1) },
            [new("currency", Currency, Required: true), new("unitPrice", Amount, Required: true, ZeroAllowed: true), new("effectiveFrom", Instant)],
            [
                new("an increase announced under 30 days ahead (R-PRICE-UP)", "effectiveFrom", (b, w) => (b["unitPrice"], b["effectiveFrom"]) = (5000, w.Now.AddDays(29)), BadRequest,
                    w => $"/ops/meters/{w.LicenseMeterId}/prices"),
                new("a retroactive change", "effectiveFrom", (b, w) => b["effectiveFrom"] = w.Now.AddDays(-1), BadRequest, w => $"/ops/meters/{w.LicenseMeterId}/prices"),
                new("a first price dated back over a year", "effectiveFrom", (b, w) => b["effectiveFrom"] = w.Now.AddDays(-367), BadRequest, w => $"/ops/meters/{w.MeterId}/prices"),
                new("finer than storage keeps", "unitPrice", (b, _) => b["unitPrice"] = 0.00000000001m, BadRequest),
            ]),

        new("refunds", HttpMethod.Post, w => $"/ops/charges/{w.Credit.RefundableChargeId}/refunds",
            (_, n) => new JsonObject { ["amount"] = 1 + (n % 50), ["reason"] = $"Outage credit {n}" },
            [new("amount", Amount), new("reason", Text)],
            [
                new("more than is left to refund", "amount", (b, _) => b["amount"] = 1_000_001m, BadRequest),
                new("a fraction of a fen", "amount", (b, _) => b["amount"] = 10.001m, BadRequest),
                new("unknown charge", "chargeId", (_, _) => { }, [404], _ => $"/ops/charges/{Guid.NewGuid()}/refunds"),
                new("charge id not a GUID", null, (_, _) => { }, [404], _ => "/ops/charges/not-a-guid/refunds"),
            ]),

        new("credit adjustments", HttpMethod.Post, w => $"/ops/creditLots/{w.Credit.AdjustableLotId}/adjustments",
            (_, n) => new JsonObject { ["amount"] = (n % 2 == 0 ? 1 : -1) * (1 + (n % 50)), ["reason"] = $"Correction {n}" },
            [new("amount", SignedAmount, Required: true), new("reason", Text, Required: true)],
            [
                new("below zero", "amount", (b, _) => b["amount"] = -999_999_999m, BadRequest),
                new("a fraction of a fen", "amount", (b, _) => b["amount"] = -0.001m, BadRequest),
                new("a voided lot", "lotId", (_, _) => { }, BadRequest, w => $"/ops/creditLots/{w.Credit.VoidedLotId}/adjustments"),
                new("unknown lot", "lotId", (_, _) => { }, [404], _ => $"/ops/creditLots/{Guid.NewGuid()}/adjustments"),
                new("lot id not a GUID", null, (_, _) => { }, [404], _ => "/ops/creditLots/not-a-guid/adjustments"),
            ]),

        // Each path asked for names a lot not voided yet: a lot is voided once.
        new("lot voids", HttpMethod.Post, w => $"/ops/creditLots/{w.NextVoidableLot()}/void",
            (_, n) => new JsonObject { ["reason"] = $"Withdrawn {n}" },
            [new("reason", Text)],
            [
                new("a voided lot", "lotId", (_, _) => { }, BadRequest, w => $"/ops/creditLots/{w.Credit.VoidedLotId}/void"),
                new("unknown lot", "lotId", (_, _) => { }, [404], _ => $"/ops/creditLots/{Guid.NewGuid()}/void"),
                new("lot id not a GUID", null, (_, _) => { }, [404], _ => "/ops/creditLots/not-a-guid/void"),
            ]),

        new("usage", HttpMethod.Post, _ => "/ops/usage",
            (w, n) => new JsonObject
            {
                ["source"] = "rp.reliability",
                ["events"] = new JsonArray(UsageEvent(w, $"ev-{n}")),
                ["allowPartial"] = false,
            },
            [
                new("source", Text), new("events", List, Required: true), new("events[0]", Nested),
                new("events[0].eventId", Text, Required: true), new("events[0].subscriptionId", Reference, Required: true),
                new("events[0].meterId", Reference, Required: true), new("events[0].quantity", Amount, Required: true, ZeroAllowed: true),
                new("events[0].timestamp", Instant, Required: true), new("events[0].resourceId", Text), new("events[0].tags", Map),
                new("allowPartial", Flag),
            ],
            [
                new("1001 events", "events", (b, w) => b["events"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => UsageEvent(w, $"big-{i}"))]), BadRequest),
                new("a null event", "events[0]", (b, _) => b["events"]![0] = null, BadRequest),
                new("timestamp two days ahead", "events[0].timestamp", (b, w) => b["events"]![0]!["timestamp"] = w.Now.AddDays(2), BadRequest),
                new("timestamp a year old", "events[0].timestamp", (b, w) => b["events"]![0]!["timestamp"] = w.Now.AddYears(-1), BadRequest),
                new("21 tags", "events[0].tags", (b, _) => b["events"]![0]!["tags"] = new JsonObject(Enumerable.Range(0, 21)
                    .Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)"v"))), BadRequest),
            ],
            TakesIdempotencyKey: false),
    ];

    /// <summary>Theory rows: every endpoint on every engine.</summary>
    public static TheoryData<StorageEngine, string> OnEveryEngine()
    {
        var data = new TheoryData<StorageEngine, string>();
        foreach (var engine in new[] { StorageEngine.Sqlite, StorageEngine.Postgres })
            foreach (var endpoint in All)
                data.Add(engine, endpoint.Name);
        return data;
    }

    public static EndpointSpec Named(string name) => All.Single(e => e.Name == name);

    public static JsonObject UsageEvent(SeededWorld w, string eventId) => new()
    {
        ["eventId"] = eventId, ["subscriptionId"] = w.SubscriptionId, ["meterId"] = w.MeterId, ["quantity"] = 2.5m,
        ["timestamp"] = w.Now.AddHours(-1), ["resourceId"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
        ["tags"] = new JsonObject { ["env"] = "prod" },
    };

    private static JsonObject Address() => new()
    {
        ["addressLine1"] = "世纪大道 100 号", ["city"] = "上海", ["region"] = "上海", ["postalCode"] = "200120", ["country"] = "CN", ["companyName"] = "Contoso",
    };

    private static string Day(int year, int month, int day, int plusDays = 0, int plusMonths = 0) =>
        new DateOnly(year, month, day).AddMonths(plusMonths).AddDays(plusDays - (plusMonths > 0 ? 1 : 0)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
