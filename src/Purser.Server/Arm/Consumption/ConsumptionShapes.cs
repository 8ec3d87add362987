using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Credits;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>Credit records in the JSON shapes of Microsoft.Consumption (AZURE-WIRE.md): amounts as <c>{currency,value}</c>.</summary>
public static class ConsumptionShapes
{
    public static object Amount(Money money) => ArmAmount.Of(money.Currency.Code, money.Amount);

    public static object InBillingCurrency(Money money) =>
        new { currency = money.Currency.Code, value = StoredDecimal.Plain(money.Amount), exchangeRate = "1", exchangeRateMonth = 0 };

    public static object BalanceSummary(string account, BalanceSummaryView view) => new
    {
        id = ArmIds.Consumption(ArmIds.Profile(account, view.BillingProfileName), "credits", "balanceSummary"),
        name = view.BillingProfileId.ToString(),
        type = "Microsoft.Consumption/credits/balanceSummary",
        etag = (string?)null,
        tags = new Dictionary<string, string>(),
        properties = new
        {
            balanceSummary = new
            {
                estimatedBalance = Amount(view.Summary.EstimatedBalance),
                currentBalance = Amount(view.Summary.CurrentBalance),
                estimatedBalanceInBillingCurrency = InBillingCurrency(view.Summary.EstimatedBalance),
            },
            pendingCreditAdjustments = Amount(view.Summary.PendingCreditAdjustments),
            expiredCredit = Amount(view.Summary.ExpiredCredit),
            pendingEligibleCharges = Amount(view.Summary.PendingEligibleCharges),
            creditCurrency = view.Summary.CurrentBalance.Currency.Code,
            billingCurrency = view.Summary.CurrentBalance.Currency.Code,
        },
    };

    public static object Lot(string account, CreditLotView lot) => new
    {
        id = ArmIds.Consumption(ArmIds.Profile(account, lot.BillingProfileName), "lots", lot.Id.ToString()),
        name = lot.Id.ToString(),
        type = "Microsoft.Consumption/lots",
        eTag = (string?)null,
        properties = new
        {
            originalAmount = Amount(lot.OriginalAmount),
            closedBalance = Amount(lot.ClosedBalance),
            source = WireSource(lot.Source),
            startDate = lot.StartDate,
            expirationDate = lot.ExpirationDate,
            poNumber = lot.PoNumber,
            purchasedDate = lot.StartDate,
            status = WireStatus(lot.Status),
            creditCurrency = lot.OriginalAmount.Currency.Code,
            billingCurrency = lot.OriginalAmount.Currency.Code,
            originalAmountInBillingCurrency = InBillingCurrency(lot.OriginalAmount),
            closedBalanceInBillingCurrency = InBillingCurrency(lot.ClosedBalance),
        },
    };

    public static object Event(string account, CreditEventView view)
    {
        var e = view.Event;
        var profileId = ArmIds.Profile(account, view.BillingProfileName);
        return new
        {
            id = ArmIds.Consumption(profileId, "events", EventName(e)),
            name = EventName(e),
            type = "Microsoft.Consumption/events",
            eTag = (string?)null,
            properties = new
            {
                transactionDate = e.TransactionDate,
                description = e.Description,
                newCredit = Amount(e.NewCredit),
                adjustments = Amount(e.Adjustments),
                creditExpired = Amount(e.CreditExpired),
                charges = Amount(e.Charges),
                closedBalance = Amount(e.ClosedBalance),
                // Voided credit is an adjustment (closed balances add up through adjustments); canceledCredit names that part of it.
                canceledCredit = Amount(e.Kind == EntryKind.Void ? e.Adjustments : Money.Zero(e.Charges.Currency)),
                eventType = WireEventType(e.EventType),
                invoiceNumber = e.InvoiceNumber,
                billingProfileId = profileId,
                billingProfileDisplayName = view.BillingProfileDisplayName,
                lotId = e.LotId.ToString(),
                lotSource = WireSource(e.LotSource),
                creditCurrency = e.Charges.Currency.Code,
                billingCurrency = e.Charges.Currency.Code,
                newCreditInBillingCurrency = InBillingCurrency(e.NewCredit),
                adjustmentsInBillingCurrency = InBillingCurrency(e.Adjustments),
                chargesInBillingCurrency = InBillingCurrency(e.Charges),
                closedBalanceInBillingCurrency = InBillingCurrency(e.ClosedBalance),
            },
        };
    }

    /// <summary>Our credit sources as the client's LotSource enum spells them.</summary>
    public static string WireSource(string source) => source switch
    {
        CreditSources.Prepayment => "PurchasedCredit",
        _ => "PromotionalCredit",
    };

    /// <summary>The client's lot Status enum has no "expiring", "used" or "voided": expiring is still Active, used up is Complete, voided is Canceled.</summary>
    public static string WireStatus(LotStatus status) => status switch
    {
        LotStatus.Active or LotStatus.Expiring => "Active",
        LotStatus.Used => "Complete",
        LotStatus.Voided => "Canceled",
        _ => "Expired",
    };

    /// <summary>Azure's EventType enum has no settled-adjustment value; UnKnown is the one it offers for that.</summary>
    private static string WireEventType(CreditEventType type) => type switch
    {
        CreditEventType.SettledAdjustments => "UnKnown",
        _ => type.ToString(),
    };

    // Event names are stable per journal entry: a GUID-shaped hash of its key.
    private static string EventName(CreditEvent e) => Engine.Accounts.ArmNames.StableId("event:" + e.Key).ToString();
}
