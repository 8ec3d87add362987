using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Accounts;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Catalog;

/// <summary>The operator's catalog: meters and their credit eligibility (R-CE).</summary>
public sealed class CatalogCommands(PurserStore store, TimeProvider clock)
{
    public async Task<Outcome<MeterView>> CreateMeterAsync(NewMeter input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                InputRules.Required(input.Name, "name"),
                InputRules.Required(input.Category, "category"),
                InputRules.Optional(input.SubCategory, "subCategory"),
                InputRules.Required(input.Unit, "unit", 100)) is { } invalid)
            return invalid;
        var meter = new Meter
        {
            Id = Guid.NewGuid(), Name = input.Name!.Trim(), Category = input.Category!.Trim(), SubCategory = input.SubCategory?.Trim(),
            Unit = input.Unit!.Trim(), CreditEligible = input.CreditEligible ?? true, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = store.CreateContext();
        db.Meters.Add(meter);
        await db.SaveChangesAsync(ct);
        return View(meter);
    }

    public async Task<IReadOnlyList<MeterView>> ListMetersAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var meters = await db.Meters.AsNoTracking().OrderBy(m => m.Category).ThenBy(m => m.Name).ToListAsync(ct);
        return [.. meters.Select(View)];
    }

    private static MeterView View(Meter m) => new(m.Id, m.Name, m.Category, m.SubCategory, m.Unit, m.CreditEligible);
}
