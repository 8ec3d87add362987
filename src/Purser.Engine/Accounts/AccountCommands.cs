using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Access;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Accounts;

/// <summary>Creates the people and structure of a tenant: accounts, profiles, users, roles, tokens.</summary>
public sealed class AccountCommands(PurserStore store, TimeProvider clock, CallerCache callers)
{
    public static readonly IReadOnlyList<string> AgreementTypes =
        ["MicrosoftCustomerAgreement", "EnterpriseAgreement", "MicrosoftOnlineServicesProgram", "MicrosoftPartnerAgreement"];

    public static readonly IReadOnlyList<string> AccountTypes = ["Enterprise", "Individual", "Partner"];

    public static readonly IReadOnlyList<string> PaymentMethods = ["WireTransfer", "Check", "CreditCard"];

    public static readonly IReadOnlyList<string> Languages = ["zh-Hans", "zh-Hant", "en"];

    internal static readonly PasswordHasher<User> Passwords = new();

    public async Task<Outcome<BillingAccountView>> CreateAccountAsync(NewBillingAccount input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                InputRules.Required(input.DisplayName, "displayName"),
                InputRules.OneOf(input.AgreementType, "agreementType", AgreementTypes),
                InputRules.OneOf(input.AccountType, "accountType", AccountTypes),
                CheckAddress(input.SoldTo, "soldTo")) is { } refusal)
            return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        var account = new BillingAccount
        {
            Id = id, Name = ArmNames.BillingAccount(id, Guid.NewGuid(), DateOnly.FromDateTime(now)), DisplayName = input.DisplayName!.Trim(),
            AgreementType = input.AgreementType!, AccountType = input.AccountType!, SoldTo = ToAddress(input.SoldTo!), CreatedAt = now,
        };
        await using var db = store.CreateContext();
        db.BillingAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        return View(account);
    }

    public async Task<Outcome<BillingProfileView>> CreateProfileAsync(NewBillingProfile input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.BillingAccountId is null ? new Refusal(RefusalCode.MissingField, "'billingAccountId' is required.", "billingAccountId") : null,
                InputRules.Required(input.DisplayName, "displayName"),
                InputRules.Currency(input.Currency, "currency"),
                // R-CALENDAR: a day past a month's end bills on that month's last day.
                input.InvoiceDay is < 1 or > 31 ? new Refusal(RefusalCode.InvalidField, "'invoiceDay' must be between 1 and 31.", "invoiceDay") : null,
                input.Language is null ? null : InputRules.OneOf(input.Language, "language", Languages),
                input.TimeZone is null || Core.Calendar.BillingTimeZone.TryResolve(input.TimeZone, out _) ? null
                    : new Refusal(RefusalCode.InvalidField, $"'timeZone' is not a known time zone: '{input.TimeZone}'.", "timeZone"),
                input.PaymentMethod is null ? null : InputRules.OneOf(input.PaymentMethod, "paymentMethod", PaymentMethods),
                InputRules.Optional(input.PoNumber, "poNumber", 100),
                input.BillTo is null ? null : CheckAddress(input.BillTo, "billTo")) is { } refusal)
            return refusal;

        await using var db = store.CreateContext();
        var account = await db.BillingAccounts.FirstOrDefaultAsync(a => a.Id == input.BillingAccountId, ct);
        if (account is null)
            return InputRules.NotFound("Billing account", "billingAccountId", input.BillingAccountId);
        var id = Guid.NewGuid();
        var profile = new BillingProfile
        {
            Id = id, BillingAccountId = account.Id, Name = ArmNames.BillingProfile(id), DisplayName = input.DisplayName!.Trim(),
            Currency = input.Currency!.ToUpperInvariant(), InvoiceDay = input.InvoiceDay ?? 1, TimeZone = input.TimeZone ?? "Asia/Shanghai",
            Language = input.Language ?? Languages[0], InvoiceEmailOptIn = input.InvoiceEmailOptIn ?? true, PoNumber = input.PoNumber, PaymentMethod = input.PaymentMethod ?? "WireTransfer",
            BillTo = input.BillTo is null ? account.SoldTo.Copy() : ToAddress(input.BillTo), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BillingProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return new BillingProfileView(profile.Id, profile.BillingAccountId, profile.Name, profile.DisplayName, profile.Currency,
            profile.InvoiceDay, profile.TimeZone, profile.InvoiceEmailOptIn, profile.PaymentMethod, profile.Language);
    }

    public async Task<Outcome<UserView>> CreateUserAsync(NewUser input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var isOperator = input.IsOperator ?? false;
        if (InputRules.First(
                InputRules.Email(input.Email, "email"),
                input.Password is not null && input.Password.Length is < 10 or > 200
                    ? new Refusal(RefusalCode.InvalidField, "'password' must be 10 to 200 characters.", "password") : null,
                !isOperator && input.BillingAccountId is null && input.PartnerId is null
                    ? new Refusal(RefusalCode.MissingField, "'billingAccountId' is required for a customer user ('partnerId' for a partner's staff).", "billingAccountId") : null,
                input.PartnerId is not null && (isOperator || input.BillingAccountId is not null)
                    ? new Refusal(RefusalCode.InvalidField, "A partner's staff belong to the partner, not to a billing account or the operator.", "partnerId") : null,
                InputRules.Optional(input.FirstName, "firstName"),
                InputRules.Optional(input.LastName, "lastName"),
                InputRules.Optional(input.Phone, "phone", 40),
                InputRules.Optional(input.Company, "company"),
                input.PreferredLanguage is null ? null : InputRules.OneOf(input.PreferredLanguage, "preferredLanguage", Languages)) is { } refusal)
            return refusal;

        await using var db = store.CreateContext();
        if (input.BillingAccountId is { } accountId && !await db.BillingAccounts.AnyAsync(a => a.Id == accountId, ct))
            return InputRules.NotFound("Billing account", "billingAccountId", accountId);
        if (input.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
            return InputRules.NotFound("Partner", "partnerId", partnerId);
        var email = InputRules.NormalEmail(input.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            return new Refusal(RefusalCode.Conflict, $"A user with e-mail '{email}' already exists.", "email");
        var user = new User
        {
            Id = Guid.NewGuid(), BillingAccountId = isOperator ? null : input.BillingAccountId, Email = email, FirstName = input.FirstName,
            LastName = input.LastName, Phone = input.Phone, Company = input.Company, IsOperator = isOperator, PartnerId = input.PartnerId,
            PreferredLanguage = input.PreferredLanguage ?? "zh-Hans", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (input.Password is not null)
            user.PasswordHash = Passwords.HashPassword(user, input.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return View(user);
    }

    public async Task<Outcome<RoleAssignmentView>> AssignRoleAsync(NewRoleAssignment input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allRoles = BillingRole.AccountScoped.Concat(BillingRole.ProfileScoped).Concat(BillingRole.SubscriptionScoped).ToList();
        if (InputRules.First(
                input.UserId is null ? new Refusal(RefusalCode.MissingField, "'userId' is required.", "userId") : null,
                InputRules.OneOf(input.Role, "role", allRoles),
                input.ScopeId is null ? new Refusal(RefusalCode.MissingField, "'scopeId' is required.", "scopeId") : null) is { } refusal)
            return refusal;

        await using var db = store.CreateContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == input.UserId, ct);
        if (user is null)
            return InputRules.NotFound("User", "userId", input.UserId);
        var kind = BillingRole.ScopeKindOf(input.Role!)!;
        var scopeId = input.ScopeId!.Value;
        Guid? accountId = kind switch
        {
            ScopeKind.BillingAccount => await db.BillingAccounts.Where(a => a.Id == scopeId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct),
            ScopeKind.BillingProfile => await db.BillingProfiles.Where(p => p.Id == scopeId).Select(p => (Guid?)p.BillingAccountId).FirstOrDefaultAsync(ct),
            _ => await db.Subscriptions.Where(s => s.Id == scopeId).Select(s => (Guid?)s.BillingAccountId).FirstOrDefaultAsync(ct),
        };
        if (accountId is null)
            return InputRules.NotFound(kind, "scopeId", scopeId);
        if (user.BillingAccountId is { } home && home != accountId)
            return new Refusal(RefusalCode.InvalidField, "A customer user can only hold roles in their own billing account.", "scopeId");
        var existing = await db.RoleAssignments.FirstOrDefaultAsync(r => r.UserId == user.Id && r.ScopeId == scopeId && r.Role == input.Role, ct);
        if (existing is not null)
            return ToView(existing);
        var assignment = new RoleAssignment
        {
            Id = Guid.NewGuid(), BillingAccountId = accountId.Value, UserId = user.Id, Role = input.Role!, ScopeKind = kind, ScopeId = scopeId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        callers.Forget();
        return ToView(assignment);
    }

    public async Task<Outcome<ApiTokenView>> CreateTokenAsync(NewApiToken input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.UserId is null ? new Refusal(RefusalCode.MissingField, "'userId' is required.", "userId") : null,
                InputRules.Optional(input.Name, "name"),
                input.ValidDays is < 1 or > 3650 ? new Refusal(RefusalCode.InvalidField, "'validDays' must be between 1 and 3650.", "validDays") : null) is { } refusal)
            return refusal;
        await using var db = store.CreateContext();
        if (!await db.Users.AnyAsync(u => u.Id == input.UserId, ct))
            return InputRules.NotFound("User", "userId", input.UserId);
        var token = ApiTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ApiToken
        {
            Id = Guid.NewGuid(), UserId = input.UserId!.Value, Name = input.Name ?? "api", TokenHash = ApiTokens.Hash(token), CreatedAt = now,
            ExpiresAt = input.ValidDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new ApiTokenView(row.Id, row.UserId, row.Name, token, row.ExpiresAt);
    }

    /// <summary>Shuts a token off at once (a leaked token); revoking it again changes nothing.</summary>
    public async Task<Outcome<ApiTokenSummary>> RevokeTokenAsync(Guid tokenId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null)
            return InputRules.NotFound("Token", "tokenId", tokenId);
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        callers.Forget();
        return Summary(token);
    }

    /// <summary>A user's tokens, newest first, without secrets; null for an unknown user.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>?> ListTokensAsync(Guid userId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            return null;
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        return [.. tokens.Select(Summary)];
    }

    private static ApiTokenSummary Summary(ApiToken t) => new(t.Id, t.UserId, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt);

    /// <summary>The user with this e-mail (compared as stored: trimmed, lower case), or null.</summary>
    public async Task<UserView?> FindUserAsync(string email, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var user = await UserByEmailAsync(db, email, ct);
        return user is null ? null : View(user);
    }

    /// <summary>Checks a password against the stored PBKDF2 hash; false for unknown users and users without a password.</summary>
    public async Task<UserView?> VerifyPasswordAsync(string email, string password, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var user = await UserByEmailAsync(db, email, ct);
        if (user?.PasswordHash is null || Passwords.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
            return null;
        return View(user);
    }

    private static Task<User?> UserByEmailAsync(PurserDbContext db, string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = InputRules.NormalEmail(email);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
    }

    internal static UserView View(User user) =>
        new(user.Id, user.BillingAccountId, user.Email, user.FirstName, user.LastName, user.IsOperator, user.PartnerId);

    private static Refusal? CheckAddress(AddressInput? address, string field) =>
        address is null ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : InputRules.First(
            InputRules.Required(address.AddressLine1, $"{field}.addressLine1"),
            InputRules.Required(address.Country, $"{field}.country", 2),
            InputRules.Optional(address.City, $"{field}.city"),
            InputRules.Optional(address.Region, $"{field}.region"),
            InputRules.Optional(address.PostalCode, $"{field}.postalCode", 20),
            InputRules.Optional(address.CompanyName, $"{field}.companyName"));

    private static Address ToAddress(AddressInput a) => new()
    {
        AddressLine1 = a.AddressLine1!, City = a.City, Region = a.Region, PostalCode = a.PostalCode,
        Country = a.Country!.ToUpperInvariant(), CompanyName = a.CompanyName,
    };

    private static BillingAccountView View(BillingAccount a) =>
        new(a.Id, a.Name, a.DisplayName, a.AgreementType, a.AccountType, a.AccountStatus);

    private static RoleAssignmentView ToView(RoleAssignment r) =>
        new(r.Id, r.BillingAccountId, r.UserId, r.Role, r.ScopeKind, r.ScopeId);
}
