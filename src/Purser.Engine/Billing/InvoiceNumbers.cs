using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Billing;

/// <summary>Who issues Purser's invoices and how their numbers read: <see cref="Prefix"/> and nine digits of a gap-free sequence.</summary>
public sealed record InvoiceSettings(string Issuer = "Purser", string Prefix = "G");

/// <summary>
/// R-INVNUM: the next number of the issuer's sequence, taken inside the transaction that writes
/// the invoice. The row stays locked until that transaction ends, so numbers follow the order
/// invoices commit in, and a close that rolls back returns its number.
/// </summary>
internal static class InvoiceNumbers
{
    public static async Task<(long Sequence, string Number)> NextAsync(PurserDbContext db, InvoiceSettings settings, CancellationToken ct)
    {
        // Inserting first (a no-op once the row exists) means two first-ever closes never race on an insert.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"InvoiceSequences\" (\"Issuer\", \"LastNumber\") VALUES ({settings.Issuer}, 0) ON CONFLICT DO NOTHING", ct);
        await db.InvoiceSequences.Where(s => s.Issuer == settings.Issuer)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), ct);
        var sequence = await db.InvoiceSequences.Where(s => s.Issuer == settings.Issuer).Select(s => s.LastNumber).SingleAsync(ct);
        return (sequence, settings.Prefix + sequence.ToString("D9", CultureInfo.InvariantCulture));
    }
}
