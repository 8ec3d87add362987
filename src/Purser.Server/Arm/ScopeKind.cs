namespace Purser.Server.Arm;

/// <summary>
/// What an ARM route addresses, read from the parameters it names: an invoice (<c>{invoiceName}</c> under an account),
/// a subscription, a billing profile, a billing account, or nothing (the list of billing accounts).
/// </summary>
public enum ScopeKind
{
    None,
    Account,
    Profile,
    Subscription,
    Invoice,
}
