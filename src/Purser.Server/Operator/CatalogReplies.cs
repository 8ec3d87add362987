using Purser.Engine.Catalog;

namespace Purser.Server.Operator;

/// <summary>An announced price as the operator API answers it: the unit price as a number beside its currency's code.</summary>
public sealed record PriceVersionReply(long Id, Guid MeterId, string Currency, decimal UnitPrice, DateTimeOffset EffectiveFrom, DateTimeOffset AnnouncedAt)
{
    public static PriceVersionReply Of(PriceVersionView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.MeterId, p.UnitPrice.Currency.Code, p.UnitPrice.Amount, p.EffectiveFrom, p.AnnouncedAt);
    }
}
