using Purser.Core;
using Purser.Core.Calendar;
using Purser.Engine.Access;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;

namespace Purser.Server.Downloads;

/// <summary>
/// A partner's reconciliation file for one cycle (R-RECON), for the operator and for the partner's
/// own staff (users created with the partner's id). Anyone else learns nothing: 404.
/// </summary>
public static class ReconciliationDownload
{
    public static async Task<IResult> AnswerAsync(Caller caller, string? partnerId, string? period, ReconciliationQueries recon, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(recon);
        if (string.IsNullOrWhiteSpace(partnerId))
            return ArmError.Result(RefusalCode.MissingField, "'partnerId' is required.", "partnerId");
        if (!caller.IsOperator && !string.Equals(caller.PartnerId, partnerId, StringComparison.Ordinal))
            return ArmError.NotFound($"Partner '{partnerId}'");
        if (!BillingCalendar.TryParseMonth(period, out var year, out var month))
            return ArmError.Result(RefusalCode.InvalidField, "'period' is the billing cycle's month, written yyyy-MM.", "period");
        if (!await recon.PartnerExistsAsync(partnerId, ct))
            return ArmError.NotFound($"Partner '{partnerId}'");
        return new CsvFile<ReconciliationRow>(ReconciliationCsv.FileName(partnerId, year, month), ReconciliationCsv.Header,
            recon.StreamAsync(partnerId, year, month, ct), ReconciliationCsv.Fields);
    }
}
