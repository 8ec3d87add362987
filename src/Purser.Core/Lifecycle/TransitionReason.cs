namespace Purser.Core.Lifecycle;

public enum TransitionReason
{
    CreditUsedUp,
    CreditExpired,
    TrialEnded,
    TopUp,
    UpgradedToStandardPrepaid,
    DisabledTooLong,
    Cancelled,
}
