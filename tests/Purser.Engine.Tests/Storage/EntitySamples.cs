using Purser.Core.Alerts;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Jobs;
using Purser.Engine.Storage.Entities;
using CreditAlertThreshold = Purser.Engine.Storage.Entities.CreditAlertThreshold;
using CreditLot = Purser.Engine.Storage.Entities.CreditLot;

namespace Purser.Engine.Tests.Storage;

/// <summary>One fully populated instance of every entity, linked the way real data is.</summary>
internal static class EntitySamples
{
    // Microsecond precision: the finest both engines keep.
    private static readonly DateTime At = new(2019, 9, 18, 21, 47, 31, 123, 456, DateTimeKind.Utc);

    public static IReadOnlyList<object> All()
    {
        var account = new BillingAccount
        {
            Id = Guid.NewGuid(), Name = $"{Guid.NewGuid()}:{Guid.NewGuid()}_2019-05-31", DisplayName = "Contoso",
            AgreementType = "MicrosoftCustomerAgreement", AccountType = "Enterprise", CreatedAt = At,
            SoldTo = new Address { AddressLine1 = "1 Road", City = "Shanghai", Region = "SH", PostalCode = "200000", Country = "CN", CompanyName = "Contoso" },
        };
        var profile = new BillingProfile
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, Name = "PBFV-ABCD-EFG-HIJ", DisplayName = "Development",
            Currency = "USD", InvoiceDay = 5, InvoiceEmailOptIn = true, TimeZone = "Asia/Shanghai", Language = "zh-Hant", PoNumber = "PO-1",
            PaymentMethod = "CreditCard", CreatedAt = At, LastInvoicedAt = At.AddDays(20),
            BillTo = new Address { AddressLine1 = "2 Road", Country = "CN" },
        };
        var user = new User
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, Email = $"admin-{Guid.NewGuid():N}@contoso.cn", FirstName = "Wei",
            LastName = "Zhang", Phone = "+86 21 0000 0000", Company = "Contoso", PasswordHash = "hash", PreferredLanguage = "en", CreatedAt = At,
            FailedSignIns = 3, LockedUntil = At.AddMinutes(15),
        };
        var partner = new Partner { Id = $"P{Guid.NewGuid():N}"[..12], CompanyName = "Fabrikam Reseller", BillingDay = 15, CreatedAt = At };
        var meter = new Meter { Id = Guid.NewGuid(), Name = "Backup storage", Category = "Storage", SubCategory = "LRS", Unit = "1 GB/Month", CreditEligible = false, CreatedAt = At };
        var subscription = new Subscription
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, DisplayName = "Dept A",
            OfferType = OfferType.LicenseBased, State = SubscriptionState.Disabled, DisabledBecause = TransitionReason.CreditExpired, OrderId = $"ORD-{Guid.NewGuid():N}", PartnerId = partner.Id,
            ServiceAdministratorId = user.Id, NeedsReconfiguration = true, CreatedAt = At.AddDays(-30), RecordedAt = At, StateChangedAt = At.AddDays(3),
            LicenseMeterId = meter.Id, CancelledEffective = new DateOnly(2017, 9, 1),
        };
        var lot = new CreditLot
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, SubscriptionId = subscription.Id, Sequence = 7,
            Source = "Azure Promotional Credit", Currency = "USD", OriginalAmount = 500.00m, Granted = 500.00m, Drawn = 3.87m, Expired = 0m,
            Adjusted = -0.01m, Refunded = 0.01m, ClosedBalance = 497.87m,
            CurrentBalance = 496.13m, StartDate = At, ExpirationDate = At.AddYears(1).AddSeconds(-1), PoNumber = "", CreatedAt = At,
        };
        var invoice = new Invoice
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, InvoiceNumber = $"G{Guid.NewGuid():N}"[..10],
            Issuer = "Purser", Sequence = 41,
            Currency = "USD", PeriodStart = new DateOnly(2019, 9, 5), PeriodEnd = new DateOnly(2019, 10, 4), InvoiceDate = new DateOnly(2019, 10, 5),
            DueDate = new DateOnly(2019, 11, 4), Status = InvoiceStatus.Paid, SubTotal = 2.13m, CreditApplied = 2.13m, TaxAmount = 0.0000000001m,
            TotalAmount = 2.13m, AmountDue = 0m, PurchaseOrderNumber = "PO-1", CreatedAt = At,
        };
        var charge = new Charge
        {
            Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, SubscriptionId = subscription.Id, MeterId = meter.Id,
            ChargeType = ChargeType.Usage, Description = "Backup storage", Currency = "USD", UnitPrice = 0.0123456789m, Quantity = 123456789.0123456789m,
            Amount = 1.74m, CreditEligible = true, StartDate = new DateOnly(2019, 10, 11), EndDate = new DateOnly(2019, 10, 11),
            IdempotencyKey = "usage:1", CreatedAt = At, InvoiceId = invoice.Id,
        };
        return
        [
            account, profile, user, partner, meter, subscription, lot, invoice, charge,
            new ApiToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "ci", TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = At, ExpiresAt = At.AddDays(90), RevokedAt = At.AddDays(3) },
            new RoleAssignment { Id = Guid.NewGuid(), BillingAccountId = account.Id, UserId = user.Id, Role = "BillingProfileReader", ScopeKind = "BillingProfile", ScopeId = profile.Id, CreatedAt = At },
            new SeatChange { BillingAccountId = account.Id, SubscriptionId = subscription.Id, EffectiveDate = new DateOnly(2017, 7, 20), Seats = 12, RecordedAt = At },
            new PriceVersion { MeterId = meter.Id, Currency = "USD", UnitPrice = 11m, EffectiveFrom = At, AnnouncedAt = At.AddDays(-31) },
            new CreditJournalEntry
            {
                BillingAccountId = account.Id, BillingProfileId = profile.Id, LotId = lot.Id, Kind = EntryKind.ChargeDraw, Phase = EntryPhase.Settled, Currency = "USD",
                Amount = -1.74m, Description = "Credit eligible charges as of 10/11/2019", IdempotencyKey = "draw:1@G1", OccurredAt = At,
                ChargeKey = "usage:1", Settles = "draw:1", InvoiceNumber = invoice.InvoiceNumber,
            },
            new UsageEvent
            {
                BillingAccountId = account.Id, Source = "rp.backup", EventId = "evt-1", SubscriptionId = subscription.Id, MeterId = meter.Id,
                Quantity = 0.000001m, Timestamp = At, ResourceId = "/subscriptions/x/resourceGroups/rg/vm1", Tags = """{"dept":"a"}""", ReceivedAt = At,
            },
            new UsageDailyAggregate { BillingAccountId = account.Id, SubscriptionId = subscription.Id, MeterId = meter.Id, UsageDate = new DateOnly(2019, 10, 11), Quantity = 10.5m, RatedQuantity = 4m, UpdatedAt = At },
            new InvoiceLineItem
            {
                BillingAccountId = account.Id, InvoiceId = invoice.Id, ChargeId = charge.Id, SubscriptionId = subscription.Id, PartnerId = partner.Id,
                ChargeType = ChargeType.Correction, Corrects = ChargeType.Prorated, Description = "15 seats × 5 days", Currency = "USD", UnitPrice = 11m, Quantity = 15m, Amount = 26.61m,
                CreditApplied = 26.61m, StartDate = new DateOnly(2017, 7, 15), EndDate = new DateOnly(2017, 7, 19),
            },
            new Payment { Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, SubscriptionId = subscription.Id, InvoiceId = invoice.Id, LotId = lot.Id, Currency = "USD", Amount = 1000m, Method = "WireTransfer", IdempotencyKey = "pay-1", ReceivedAt = At },
            new ChargeRefund
            {
                Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, ChargeId = charge.Id, Currency = "USD", Amount = 1.5m,
                ReturnedToCredit = 1.25m, ReturnedToPaymentMethod = 0.25m, Reason = "Outage credit", IdempotencyKey = "refund:1", RefundedAt = At,
            },
            new JobRun { JobName = "billing-run", RunKey = "2019-10", Status = JobRunStatus.Succeeded, ClaimedBy = "node-1", LeaseUntil = At, StartedAt = At, FinishedAt = At.AddMinutes(1), Progress = 100, Error = null },
            new IdempotencyRecord { Key = "k-1", Operation = "POST /ops/payments", RequestHash = "abc", StatusCode = 201, ResponseBody = """{"id":"x"}""", CreatedAt = At },
            new OutboxMessage { BillingAccountId = account.Id, Kind = "WeeklyBalance", Recipient = "admin@contoso.cn", Subject = "余额提醒", Body = "剩余额度 996.13", Data = """{"to":"Disabled"}""", CreatedAt = At, SentAt = null },
            new Budget { Id = Guid.NewGuid(), BillingAccountId = account.Id, Scope = "/subscriptions/x", Name = "monthly", Amount = 100m, TimeGrain = "Monthly", StartDate = At, EndDate = null, Notifications = "{}", ETag = "e1", StopAction = true, StoppedFrom = At, Stops = 1 },
            new InvoiceSequence { Issuer = "Contoso Billing Ltd", LastNumber = 41 },
            new CreditSummary
            {
                BillingAccountId = account.Id, BillingProfileId = profile.Id, Currency = "USD", CurrentBalance = 997.87m, PendingEligibleCharges = -1.74m,
                PendingCreditAdjustments = 0.000001m, ExpiredCredit = 12.5m,
            },
            new CreditDayTotal { BillingAccountId = account.Id, BillingProfileId = profile.Id, Day = new DateOnly(2019, 10, 11), Currency = "USD", Amount = -1.74m },
            new DataProtectionKey { Id = 7, FriendlyName = "key-3f2c", Xml = "<key id=\"3f2c\" version=\"1\"><creationDate>2019-09-18T21:47:31Z</creationDate></key>" },
            new CreditOpenEntry { BillingAccountId = account.Id, BillingProfileId = profile.Id, IdempotencyKey = "draw:2" },
            new CreditAlertThreshold
            {
                Id = Guid.NewGuid(), BillingAccountId = account.Id, BillingProfileId = profile.Id, Basis = AlertBasis.PercentOfLastTopUp, Value = 12.5m,
                Fired = true, Falls = 3, TurnedAt = At,
            },
            new WebhookEndpoint
            {
                Id = Guid.NewGuid(), Url = "https://hooks.contoso.cn/purser?k=1", EventTypes = "SubscriptionDisabled,SubscriptionDeleted",
                Secret = "whsec_0123456789abcdef", Description = "财务系统", CreatedAt = At, RemovedAt = At.AddDays(3),
            },
            new WebhookDelivery
            {
                EndpointId = Guid.NewGuid(), OutboxMessageId = 42, EventId = Guid.NewGuid(), EventType = "SubscriptionDisabled", CreatedAt = At, Attempts = 2,
                NextAttemptAt = At.AddMinutes(1), ClaimedBy = "node-1", LeaseUntil = At.AddMinutes(2), LastAttemptAt = At, LastStatusCode = 503,
                LastError = "HTTP 503 Service Unavailable", DeliveredAt = null, GaveUpAt = At.AddDays(3),
            },
        ];
    }
}
