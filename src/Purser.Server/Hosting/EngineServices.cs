using System.Diagnostics.Metrics;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Engine.Billing;
using Purser.Engine.Catalog;
using Purser.Engine.Consumption;
using Purser.Engine.Partners;
using Purser.Engine.Jobs;
using Purser.Engine.Lifecycle;
using Purser.Engine.Notifications;
using Purser.Engine.Payments;
using Purser.Engine.Rating;
using Purser.Engine.Subscriptions;
using Purser.Engine.Usage;
using Purser.Engine.Webhooks;
using Purser.Engine.Credits;
using Purser.Engine.Idempotency;
using Purser.Engine.Invoicing;
using Purser.Engine.Telemetry;

namespace Purser.Server.Hosting;

internal static class EngineServices
{
    public static IServiceCollection AddPurserEngine(this IServiceCollection services)
    {
        services.AddSingleton(s => new PurserMetrics(s.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<CallerCache>();
        services.AddSingleton<CallerDirectory>();
        services.AddSingleton<ScopeResolver>();
        services.AddSingleton<AccountCommands>();
        services.AddSingleton<UserProfileCommands>();
        services.AddSingleton<IdempotentReplies>();
        services.AddSingleton<CreditAlertMails>();
        services.AddSingleton<CreditBook>();
        services.AddSingleton<CreditAlertSettings>();
        services.AddSingleton<CreditQueries>();
        services.AddSingleton<CreditCommands>();
        services.AddSingleton<ChargeCommands>();
        services.AddSingleton(new InvoiceSettings());
        services.AddSingleton<BillingRun>();
        services.AddSingleton<CatalogCommands>();
        services.AddSingleton<PartnerCommands>();
        services.AddSingleton<SubscriptionCommands>();
        services.AddSingleton<RatingSignal>();
        services.AddSingleton<UsageIngestion>();
        services.AddSingleton<UsageRating>();
        services.AddSingleton<Entitlement>();
        services.AddSingleton(new PaymentSettings());
        services.AddSingleton<PaymentCommands>();
        services.AddSingleton<InvoicePaymentCommands>();
        services.AddSingleton<JobClaims>();
        services.AddSingleton<LifecycleSweep>();
        services.AddSingleton<AccountQueries>();
        services.AddSingleton<RoleAssignmentQueries>();
        services.AddSingleton<BillingSubscriptionQueries>();
        services.AddSingleton<InvoiceQueries>();
        services.AddSingleton<InvoiceLineQueries>();
        services.AddSingleton<BalanceQueries>();
        services.AddSingleton<ChargeSummaryQueries>();
        services.AddSingleton<PriceSheetQueries>();
        services.AddSingleton<BudgetQueries>();
        services.AddSingleton<BudgetCommands>();
        services.AddSingleton<BudgetStopActions>();
        services.AddSingleton<UsageDetailQueries>();
        services.AddSingleton<UsageSeriesQueries>();
        services.AddSingleton<SubscriptionOverviewQueries>();
        services.AddSingleton<BillingHistoryQueries>();
        services.AddSingleton<ReconciliationQueries>();
        services.AddSingleton<PartnerQueries>();
        services.AddSingleton<LicenseCommands>();
        services.AddSingleton<SubscriptionCancellation>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxMailCommands>();
        services.AddSingleton<WeeklyReminders>();
        services.AddSingleton<ExpiringCreditNotices>();
        services.AddSingleton<StopReminders>();
        services.AddSingleton<BudgetRollovers>();
        services.AddSingleton<WebhookCommands>();
        services.AddSingleton<WebhookDispatch>();
        services.AddSingleton<EventFanOut>();
        return services;
    }
}
