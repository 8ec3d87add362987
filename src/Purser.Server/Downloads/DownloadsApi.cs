using Purser.Engine.Access;
using Purser.Engine.Invoicing;
using Purser.Engine.Usage;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Downloads;

/// <summary>
/// CSV downloads (R-DOWNLOAD) for programs, with a bearer token like every other call: usage details
/// (one row per usage event) and billing history (one row per invoice line item) of a billing account,
/// billing profile or subscription over a range of days, and a partner's reconciliation file of a cycle.
/// The portal serves the same usage and billing-history files to its cookie's caller through
/// <see cref="UsageCsvAsync"/> and <see cref="BillingHistoryCsvAsync"/>.
/// </summary>
public static class DownloadsApi
{
    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/downloads");

        downloads.MapGet("/usage.csv", (HttpContext http, UsageDetailQueries usage) =>
            UsageCsvAsync(http, http.Caller(), DownloadScope.Named(http.Request.Query), usage));

        downloads.MapGet("/billing-history.csv", (HttpContext http, BillingHistoryQueries history) =>
            BillingHistoryCsvAsync(http, http.Caller(), DownloadScope.Named(http.Request.Query), history));

        downloads.MapGet("/reconciliation.csv", (HttpContext http, string? partnerId, string? period, ReconciliationQueries recon) =>
            ReconciliationDownload.AnswerAsync(http.Caller(), partnerId, period, recon, http.RequestAborted));
    }

    /// <summary>The usage details of the named scope over the request's days, if the caller may read its billing.</summary>
    public static async Task<IResult> UsageCsvAsync(HttpContext http, Caller caller, (string Parameter, string Id)? named, UsageDetailQueries usage)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(usage);
        var (range, scope, refused) = await AskedAsync(http, caller, named);
        if (refused is not null)
            return refused;
        var lines = usage.StreamAsync(scope!.Usage, new UsageDays(range!.From, range.To), http.RequestAborted);
        return new CsvFile<UsageDetailLine>($"usage_{scope.Label}_{range.FileSuffix}.csv", UsageDetailsCsv.Header, lines, UsageDetailsCsv.Fields);
    }

    /// <summary>The invoice line items of the named scope over the request's days, if the caller may read its billing.</summary>
    public static async Task<IResult> BillingHistoryCsvAsync(HttpContext http, Caller caller, (string Parameter, string Id)? named, BillingHistoryQueries history)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(history);
        var (range, scope, refused) = await AskedAsync(http, caller, named);
        if (refused is not null)
            return refused;
        var lines = history.StreamAsync(scope!.Billing.AccountId, scope.Billing.ProfileId, scope.SubscriptionId, range!.From, range.To, http.RequestAborted);
        return new CsvFile<BillingHistoryLine>($"billing-history_{scope.Label}_{range.FileSuffix}.csv", BillingHistoryCsv.Header, lines, BillingHistoryCsv.Fields);
    }

    // The days first, then the scope: a malformed request is answered 400 before anything is looked up.
    private static async Task<(DownloadRange? Range, DownloadScope? Scope, IResult? Refused)> AskedAsync(HttpContext http, Caller caller, (string Parameter, string Id)? named)
    {
        var (range, invalid) = DownloadRange.Parse(http.Request);
        if (invalid is not null)
            return (null, null, invalid);
        var (scope, denied) = await DownloadScope.ResolveAsync(http, caller, named);
        return (range, scope, denied);
    }
}
