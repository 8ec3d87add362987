namespace Purser.Server.Operator;

/// <summary>The groups the operator API's document lists its endpoints under.</summary>
internal static class OperatorTags
{
    public const string Accounts = nameof(Accounts);
    public const string UsersAndRoles = "Users and roles";
    public const string Catalog = nameof(Catalog);
    public const string Partners = nameof(Partners);
    public const string Subscriptions = nameof(Subscriptions);
    public const string Usage = nameof(Usage);
    public const string Credits = nameof(Credits);
    public const string Payments = nameof(Payments);
    public const string Billing = nameof(Billing);
    public const string Webhooks = nameof(Webhooks);
    public const string Mail = "E-mail outbox";
    public const string Budgets = nameof(Budgets);
}
