using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Alerts;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Notifications;
using Purser.Engine.Storage;

namespace Purser.Engine.Credits;

/// <summary>One threshold of a profile as it stands: its level in money now and whether its alert has fired.</summary>
public sealed record CreditAlertView(CreditAlertThreshold Threshold, Money Level, bool Fired, int Falls, DateTimeOffset? TurnedAt);

/// <summary>
/// The operator's side of R-ALERT: a profile's thresholds (the defaults until it sets its own) and
/// replacing them. A replacement runs under the ledger lock, as the changes that turn alerts do; a
/// threshold kept across a replacement keeps its state, a new one starts armed and is decided at the
/// next movement of the balance.
/// </summary>
public sealed class CreditAlertSettings(PurserStore store, CreditBook book)
{
    public const int MaxThresholds = 5;
    private static readonly string[] Bases = Enum.GetNames<AlertBasis>();

    public async Task<IReadOnlyList<CreditAlertView>?> ListAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
            return null;
        var ledger = await LedgerLoading.OpenAsync(db, profile, LedgerNeeds.None, ct);
        var rows = await db.CreditAlertThresholds.AsNoTracking().Where(t => t.BillingProfileId == profileId).ToListAsync(ct);
        return Views(rows.Count == 0 ? [.. CreditAlertThreshold.Defaults.Select(d => CreditAlertRows.New(profile, d))] : rows, ledger);
    }

    public async Task<Outcome<IReadOnlyList<CreditAlertView>>> ReplaceAsync(Guid profileId, NewCreditAlerts input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Shape(input) is { } invalid)
            return invalid;
        return await book.ChangeAsync<IReadOnlyList<CreditAlertView>>(profileId, async session =>
        {
            var wanted = input.Thresholds!.Select(t => new CreditAlertThreshold(Enum.Parse<AlertBasis>(t.Basis!), t.Value!.Value)).ToList();
            for (var i = 0; i < wanted.Count; i++)
                if (wanted[i].Basis == AlertBasis.Amount && MoneyRules.Precision(wanted[i].Value, session.Ledger.Currency, $"thresholds[{i}].value") is { } refused)
                    return refused;
            var db = session.Db;
            var rows = await db.CreditAlertThresholds.Where(t => t.BillingProfileId == profileId).ToListAsync(ct);
            db.CreditAlertThresholds.RemoveRange(rows.Where(r => !wanted.Contains(new CreditAlertThreshold(r.Basis, r.Value))));
            var kept = rows.Where(r => wanted.Contains(new CreditAlertThreshold(r.Basis, r.Value))).ToList();
            var added = wanted.Where(w => !kept.Any(r => new CreditAlertThreshold(r.Basis, r.Value) == w)).Select(w => CreditAlertRows.New(session.Profile, w)).ToList();
            db.CreditAlertThresholds.AddRange(added);
            return (LedgerChange.None, Views([.. kept, .. added], session.Ledger));
        }, ct);
    }

    private static Refusal? Shape(NewCreditAlerts input)
    {
        if (input.Thresholds is not { Count: > 0 and <= MaxThresholds } thresholds)
            return new Refusal(input.Thresholds is null ? RefusalCode.MissingField : RefusalCode.InvalidField,
                $"'thresholds' must hold 1 to {MaxThresholds} thresholds.", "thresholds");
        for (var i = 0; i < thresholds.Count; i++)
        {
            var field = $"thresholds[{i}]";
            if (thresholds[i] is not { } t)
                return new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field);
            if (InputRules.First(InputRules.OneOf(t.Basis, $"{field}.basis", Bases), MoneyRules.PositiveAmount(t.Value, $"{field}.value")) is { } invalid)
                return invalid;
            if (t.Basis == nameof(AlertBasis.PercentOfLastTopUp) && t.Value > 100m)
                return new Refusal(RefusalCode.InvalidField, $"'{field}.value' is a percentage of the last top-up: at most 100.", $"{field}.value");
            if (thresholds.Take(i).Any(o => o is not null && o.Basis == t.Basis && o.Value == t.Value))
                return new Refusal(RefusalCode.InvalidField, $"'{field}' repeats an earlier threshold.", field);
        }
        return null;
    }

    private static List<CreditAlertView> Views(IEnumerable<Storage.Entities.CreditAlertThreshold> rows, CreditLedger ledger) =>
        [.. rows.OrderBy(r => r.Basis).ThenByDescending(r => r.Value).Select(r =>
        {
            var threshold = new CreditAlertThreshold(r.Basis, r.Value);
            return new CreditAlertView(threshold, threshold.LevelIn(ledger), r.Fired, r.Falls, r.TurnedAt is { } at ? LedgerMapping.Utc(at) : null);
        })];
}
