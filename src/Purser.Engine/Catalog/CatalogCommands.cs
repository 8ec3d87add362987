using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Monetary;
using Purser.Core.Rating;
using Purser.Engine.Accounts;
using Purser.Engine.Rating;
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

    /// <summary>
    /// Announces a price now, effective from <see cref="NewPriceVersion.EffectiveFrom"/> (default now):
    /// an increase needs 30 days' notice (R-PRICE-UP), a decrease or a first price none (R-PRICE-DOWN, R-PRICE-NEW).
    /// </summary>
    public async Task<Outcome<PriceVersionView>> AddPriceAsync(Guid meterId, NewPriceVersion input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                InputRules.Currency(input.Currency, "currency"),
                input.UnitPrice is null ? new Refusal(RefusalCode.MissingField, "'unitPrice' is required.", "unitPrice") : null,
                input.UnitPrice is < 0m or > Credits.MoneyRules.MaxAmount
                    ? new Refusal(RefusalCode.InvalidField, "'unitPrice' must be between 0 and 1,000,000,000.", "unitPrice") : null,
                // Prices are kept to ten decimals; a finer one would be rounded silently on the way into storage.
                input.UnitPrice is { } price && decimal.Round(price, 10) != price
                    ? new Refusal(RefusalCode.InvalidField, "'unitPrice' has more than 10 decimals.", "unitPrice") : null) is { } invalid)
            return invalid;
        var currency = Currency.Parse(input.Currency!);
        var now = clock.GetUtcNow();
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Meters.AnyAsync(m => m.Id == meterId, ct))
            return InputRules.NotFound("Meter", "meterId", meterId);
        var schedules = await PriceBook.LoadAsync(db, [meterId], currency, ct);
        var version = new Core.Rating.PriceVersion(new Money(input.UnitPrice!.Value, currency), input.EffectiveFrom ?? now, now);
        var announced = schedules.GetValueOrDefault(meterId, PriceSchedule.Empty).Announce(version);
        if (!announced.IsAccepted)
            return announced.Refusal with { Target = announced.Refusal.Target ?? (announced.Refusal.Code == RefusalCode.PriceNegative ? "unitPrice" : "effectiveFrom") };
        var row = new Storage.Entities.PriceVersion
        {
            MeterId = meterId, Currency = currency.Code, UnitPrice = version.UnitPrice.Amount,
            EffectiveFrom = version.EffectiveFrom.UtcDateTime, AnnouncedAt = version.AnnouncedAt.UtcDateTime,
        };
        db.PriceVersions.Add(row);
        // Only a meter's first price can be dated back (onboarding); the outbox says so beside the announcement instant.
        if (version.EffectiveFrom < version.AnnouncedAt)
            db.Outbox.Add(new Storage.Entities.OutboxMessage
            {
                MessageId = Guid.NewGuid(), Kind = Webhooks.WebhookEventTypes.PriceBackdated, Recipient = meterId.ToString(),
                Subject = $"Meter {meterId}: first price {version.UnitPrice} effective {version.EffectiveFrom:O}, announced {version.AnnouncedAt:O}",
                Body = "A meter's first price was dated back to onboard history; usage of those days is rated at it when it arrives.",
                CreatedAt = now.UtcDateTime,
                NextAttemptAt = now.UtcDateTime,
            });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PriceVersionView(row.Id, meterId, new Money(row.UnitPrice, currency), version.EffectiveFrom, version.AnnouncedAt);
    }

    public async Task<IReadOnlyList<MeterView>> ListMetersAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var meters = await db.Meters.AsNoTracking().OrderBy(m => m.Category).ThenBy(m => m.Name).ToListAsync(ct);
        return [.. meters.Select(View)];
    }

    private static MeterView View(Meter m) => new(m.Id, m.Name, m.Category, m.SubCategory, m.Unit, m.CreditEligible);
}
