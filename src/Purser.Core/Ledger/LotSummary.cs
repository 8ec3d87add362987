using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>A row of the lots list (R-LOTS) as of an instant.</summary>
public sealed record LotSummary(CreditLot Lot, Money ClosedBalance, Money CurrentBalance, LotStatus Status)
{
    public static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(30);

    public static LotSummary Of(CreditLot lot, LotPosition position, DateTimeOffset now) =>
        new(lot, position.ClosedBalance, position.Balance, StatusOf(lot, position, now));

    public static LotStatus StatusOf(CreditLot lot, LotPosition position, DateTimeOffset now)
    {
        if (position.IsVoided)
            return LotStatus.Voided;
        if (position.HasExpired)
            return LotStatus.Expired;
        if (position.Balance.IsZero)
            return LotStatus.Used;
        if (now >= lot.ExpiresAt)
            return LotStatus.Expired;
        return lot.ExpiresAt - now <= ExpiringWindow ? LotStatus.Expiring : LotStatus.Active;
    }
}
