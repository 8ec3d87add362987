using Purser.Core.Monetary;

namespace Purser.Core.Alerts;

/// <summary>What a change of balance does to one threshold's alert.</summary>
public enum AlertTurn
{
    /// <summary>The balance is below the threshold and its alert had not fired: it fires now.</summary>
    Fired,

    /// <summary>The alert had fired and the balance is back at or above the threshold: it re-arms, with a recovered notice.</summary>
    Recovered,
}

/// <summary>
/// R-ALERT's decision. Each threshold's alert is armed or fired; the state, not the two balances
/// around one movement, decides, so an alert fires once per fall below its level whatever the
/// movements' sizes, a threshold configured while the balance is already below it fires at the next
/// movement, and it fires again only after a recovery turned it back.
/// </summary>
public static class CreditAlerts
{
    /// <summary>How the alert of a threshold at <paramref name="level"/> turns at <paramref name="balance"/>; null when it stays as it is.</summary>
    public static AlertTurn? Turn(Money level, bool fired, Money balance) => (fired, balance < level) switch
    {
        (false, true) => AlertTurn.Fired,
        (true, false) => AlertTurn.Recovered,
        _ => null,
    };
}
