using Purser.Engine.Invoicing;
using Purser.Engine.Usage;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Downloads;

/// <summary>
/// CSV downloads (R-DOWNLOAD) for the portal and for programs, with a bearer token like every
/// other call: usage details (one row per usage event) and billing history (one row per invoice
/// line item) of a billing account, billing profile or subscription over a range of days, and a
/// partner's reconciliation file of a cycle.
/// </summary>
public static class DownloadsApi
{
    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/downloads");

        downloads.MapGet("/usage.csv", async (HttpContext http, UsageDetailQueries usage) =>
        {
            var (range, invalid) = DownloadRange.Parse(http.Request);
            if (invalid is not null)
                return invalid;
            var (scope, denied) = await DownloadScope.ResolveAsync(http);
            if (denied is not null)
                return denied;
            var lines = usage.StreamAsync(scope!.Usage, new UsageDays(range!.From, range.To), http.RequestAborted);
            return new CsvFile<UsageDetailLine>($"usage_{scope.Label}_{range.FileSuffix}.csv", UsageDetailsCsv.Header, lines, UsageDetailsCsv.Fields);
        });

        downloads.MapGet("/billing-history.csv", async (HttpContext http, BillingHistoryQueries history) =>
        {
            var (range, invalid) = DownloadRange.Parse(http.Request);
            if (invalid is not null)
                return invalid;
            var (scope, denied) = await DownloadScope.ResolveAsync(http);
            if (denied is not null)
                return denied;
            var lines = history.StreamAsync(scope!.Billing.AccountId, scope.Billing.ProfileId, scope.SubscriptionId, range!.From, range.To, http.RequestAborted);
            return new CsvFile<BillingHistoryLine>($"billing-history_{scope.Label}_{range.FileSuffix}.csv", BillingHistoryCsv.Header, lines, BillingHistoryCsv.Fields);
        });

        downloads.MapGet("/reconciliation.csv", (HttpContext http, string? partnerId, string? period, ReconciliationQueries recon) =>
            ReconciliationDownload.AnswerAsync(http.Caller(), partnerId, period, recon, http.RequestAborted));
    }
}
