using System.Collections.Immutable;
using Purser.Core.Monetary;

namespace Purser.Core.Rating;

/// <summary>
/// A meter's prices over time. New versions are accepted under R-PRICE-UP: an increase needs
/// <see cref="IncreaseNotice"/> between its announcement and its effective date; decreases
/// (R-PRICE-DOWN) and a meter's first price (R-PRICE-NEW) need none; only a first price may be dated back, by a bounded span.
/// </summary>
public sealed record PriceSchedule
{
    public static readonly TimeSpan IncreaseNotice = TimeSpan.FromDays(30);

    /// <summary>How far back a meter's first price may take effect: a year of onboarded history.</summary>
    public static readonly TimeSpan FirstPriceBackdating = TimeSpan.FromDays(366);

    private PriceSchedule(ImmutableArray<PriceVersion> versions) => Versions = versions;

    public static PriceSchedule Empty { get; } = new([]);

    /// <summary>In effective-date order.</summary>
    public ImmutableArray<PriceVersion> Versions { get; }

    /// <summary>The unit price in force at <paramref name="instant"/>, or null before the meter had a price.</summary>
    public Money? RateAt(DateTimeOffset instant)
    {
        Money? rate = null;
        foreach (var version in Versions)
        {
            if (version.EffectiveFrom > instant)
                break;
            rate = version.UnitPrice;
        }
        return rate;
    }

    public Outcome<PriceSchedule> Announce(PriceVersion version)
    {
        // Unit prices may be finer than the minor unit (0.0012 per GB); only the line amount is rounded.
        if (version.UnitPrice.IsNegative)
            return Outcome<PriceSchedule>.Refuse(RefusalCode.PriceNegative, $"A unit price cannot be negative ({version.UnitPrice}).");
        if (!Versions.IsEmpty && Versions[0].UnitPrice.Currency != version.UnitPrice.Currency)
            return Outcome<PriceSchedule>.Refuse(RefusalCode.CurrencyMismatch, $"This meter is priced in {Versions[0].UnitPrice.Currency}.");
        // A meter's first price may be dated back (onboarding a customer's history: nothing was billed at another rate);
        // a change never is, and the announcement instant kept beside it shows it was entered later.
        if (version.EffectiveFrom < version.AnnouncedAt && !Versions.IsEmpty)
            return Outcome<PriceSchedule>.Refuse(RefusalCode.PriceChangeRetroactive, $"A price announced {version.AnnouncedAt:O} cannot take effect earlier, on {version.EffectiveFrom:O}.");
        if (version.AnnouncedAt - version.EffectiveFrom > FirstPriceBackdating)
            return Outcome<PriceSchedule>.Refuse(RefusalCode.PriceBackdatedTooFar, $"A first price may take effect at most {FirstPriceBackdating.TotalDays:0} days before it is announced, not on {version.EffectiveFrom:O}.");
        if (Versions.Any(v => v.EffectiveFrom == version.EffectiveFrom))
            return Outcome<PriceSchedule>.Refuse(RefusalCode.PriceVersionExists, $"A price already takes effect at {version.EffectiveFrom:O}.");
        // The price in force just before this one; looked up by comparison, so a price from the beginning of time has none (no tick before it).
        var before = Versions.LastOrDefault(v => v.EffectiveFrom < version.EffectiveFrom)?.UnitPrice;
        if (before is { } old && version.UnitPrice > old && version.EffectiveFrom - version.AnnouncedAt < IncreaseNotice)
            return Outcome<PriceSchedule>.Refuse(RefusalCode.PriceIncreaseNoticeTooShort,
                $"An increase from {old} to {version.UnitPrice} announced {version.AnnouncedAt:O} cannot take effect before {version.AnnouncedAt + IncreaseNotice:O} (30 days' notice).");
        var at = Versions.TakeWhile(v => v.EffectiveFrom < version.EffectiveFrom).Count();
        return Outcome<PriceSchedule>.Accept(new PriceSchedule(Versions.Insert(at, version)));
    }
}
