using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Accounts;
using Purser.Engine.Storage.Entities;
using CreditLot = Purser.Engine.Storage.Entities.CreditLot;

namespace Purser.Engine.Demo;

/// <summary>
/// The demo world: one account of each offer type, with catalog, credit, usage and people,
/// dated relative to today so that the overview always has recent usage and live credit.
/// </summary>
internal sealed class DemoData
{
    private readonly DateTime _now;
    private readonly DemoCatalog _catalog;
    private readonly List<object> _entities = [];

    public DemoData(DateTime nowUtc)
    {
        _now = nowUtc;
        _catalog = new DemoCatalog(nowUtc);
        _entities.AddRange(_catalog.Entities);
        var partner = new Partner { Id = "1234567", CompanyName = "世纪互联云合作伙伴有限公司", BillingDay = 15, CreatedAt = nowUtc.AddYears(-2) };
        _entities.Add(partner);
        _entities.Add(WithPassword(new User { Id = ArmNames.StableId("user:operator"), Email = "operator@purser.local", FirstName = "Platform", LastName = "Operator", IsOperator = true, CreatedAt = nowUtc }, "operator"));

        StandardPrepaid();
        Trial();
        PayAsYouGo();
        Enterprise();
        PartnerSold(partner);
    }

    public IReadOnlyList<object> Entities => _entities;

    /// <summary>The demo's people and the portal password each signs in with (printed by `purser demo`, listed in the README).</summary>
    public IReadOnlyList<(string Email, string Password)> SignIns => [.. _entities.OfType<User>().Select(u => (u.Email, PasswordOf(u)))];

    private readonly Dictionary<Guid, string> _passwords = [];

    private string PasswordOf(User user) => _passwords[user.Id];

    /// <summary>Demo passwords are public by design: the demo is for trying Purser, never for real money.</summary>
    private User WithPassword(User user, string key)
    {
        var password = $"purser-demo-{key}";
        user.PasswordHash = Accounts.AccountCommands.Passwords.HashPassword(user, password);
        _passwords[user.Id] = password;
        return user;
    }

    private void StandardPrepaid()
    {
        var (account, admin) = Account("prepaid", "上海云启科技有限公司", "MicrosoftOnlineServicesProgram", "Individual", "zh-Hans");
        var production = Profile(account, "prepaid-prod", "生产环境", "CNY", "Asia/Shanghai");
        var sub = Subscription(account, production, admin, "prepaid-prod", "标准预付费 - 生产", OfferType.StandardPrepaid, _now.AddMonths(-5));
        Grant(account, production, sub, "prepaid-1", CreditSources.Prepayment, 1000m, _now.AddMonths(-5));
        Grant(account, production, sub, "prepaid-2", CreditSources.Prepayment, 2000m, _now.AddDays(-40));
        Usage(account, sub, _catalog.VirtualMachine, days: 45, perDay: 18m);
        Usage(account, sub, _catalog.BlobStorage, days: 45, perDay: 120m);

        // A reader of the production profile: sees its figures, may not pay (R-ROLES).
        var reader = WithPassword(new User
        {
            Id = ArmNames.StableId("user:prepaid-reader"), BillingAccountId = account.Id, Email = "reader@prepaid.demo.purser", FirstName = "Reader",
            LastName = account.DisplayName, Company = account.DisplayName, CreatedAt = account.CreatedAt,
        }, "prepaid-reader");
        _entities.Add(reader);
        _entities.Add(new RoleAssignment
        {
            Id = ArmNames.StableId("role:prepaid-reader"), BillingAccountId = account.Id, UserId = reader.Id, Role = "BillingProfileReader",
            ScopeKind = "BillingProfile", ScopeId = production.Id, CreatedAt = account.CreatedAt,
        });

        var department = Profile(account, "prepaid-dept", "研发部门", "CNY", "Asia/Shanghai");
        var deptSub = Subscription(account, department, admin, "prepaid-dept", "标准预付费 - 研发", OfferType.StandardPrepaid, _now.AddMonths(-2));
        Grant(account, department, deptSub, "prepaid-dept-1", CreditSources.Prepayment, 1000m, _now.AddMonths(-2));
        Usage(account, deptSub, _catalog.Backup, days: 40, perDay: 40m);
    }

    private void Trial()
    {
        var (account, admin) = Account("trial", "一元试用 - 李明", "MicrosoftOnlineServicesProgram", "Individual", "zh-Hans");
        var profile = Profile(account, "trial", "试用", "CNY", "Asia/Shanghai");
        var sub = Subscription(account, profile, admin, "trial", "1元试用", OfferType.Trial, _now.AddDays(-10));
        Grant(account, profile, sub, "trial", CreditSources.Trial, 1500m, _now.AddDays(-10), months: 1);
        Usage(account, sub, _catalog.VirtualMachine, days: 10, perDay: 10m);
    }

    private void PayAsYouGo()
    {
        var (account, admin) = Account("payg", "Contoso Ltd.", "MicrosoftCustomerAgreement", "Enterprise", "en");
        var profile = Profile(account, "payg", "Development", "USD", "UTC", "en");
        var sub = Subscription(account, profile, admin, "payg", "Contoso Dev/Test", OfferType.PayAsYouGo, _now.AddMonths(-3));
        Grant(account, profile, null, "payg-1", CreditSources.Promotional, 500m, _now.AddMonths(-3));
        Grant(account, profile, null, "payg-2", CreditSources.Promotional, 500m, _now.AddMonths(-3));
        Usage(account, sub, _catalog.BlobStorage, days: 40, perDay: 5m);
        Usage(account, sub, _catalog.UbuntuAdvantage, days: 40, perDay: 1m);
    }

    private void Enterprise()
    {
        var (account, admin) = Account("ea", "中国示例集团", "EnterpriseAgreement", "Enterprise", "zh-Hans");
        var profile = Profile(account, "ea", "集团总部", "CNY", "Asia/Shanghai");
        var sub = Subscription(account, profile, admin, "ea", "企业协议订阅", OfferType.Enterprise, _now.AddYears(-1));
        Usage(account, sub, _catalog.VirtualMachine, days: 40, perDay: 200m);
    }

    private void PartnerSold(Partner partner)
    {
        var (account, admin) = Account("partner-customer", "Fabrikam 零售（台北）", "MicrosoftPartnerAgreement", "Partner", "zh-Hant");
        var profile = Profile(account, "partner-customer", "Fabrikam", "CNY", "Asia/Shanghai", "zh-Hant");
        var license = Subscription(account, profile, admin, "license", "Office 365 E3", OfferType.LicenseBased, _now.AddMonths(-3), partner.Id);
        license.LicenseMeterId = _catalog.OfficeSeat.Id;
        var start = BillingCalendar.Of(profile.TimeZone, profile.InvoiceDay).DayOf(new DateTimeOffset(license.CreatedAt, TimeSpan.Zero));
        _entities.Add(new SeatChange { BillingAccountId = account.Id, SubscriptionId = license.Id, EffectiveDate = start, Seats = 15, RecordedAt = license.CreatedAt });
        _entities.Add(new SeatChange { BillingAccountId = account.Id, SubscriptionId = license.Id, EffectiveDate = start.AddMonths(2), Seats = 12, RecordedAt = license.CreatedAt.AddMonths(2) });
        var usage = Subscription(account, profile, admin, "usage", "Azure 按用量", OfferType.UsageBased, _now.AddMonths(-2), partner.Id);
        Usage(account, usage, _catalog.VirtualMachine, days: 40, perDay: 30m);

        // The partner's own staff: no billing account of their own; they read the partner's customers and reconciliation files (R-RECON).
        _entities.Add(WithPassword(new User
        {
            Id = ArmNames.StableId("user:partner"), Email = "staff@partner.demo.purser", FirstName = "Staff", LastName = partner.CompanyName,
            Company = partner.CompanyName, PartnerId = partner.Id, CreatedAt = partner.CreatedAt,
        }, "partner"));
    }

    private (BillingAccount Account, User Admin) Account(string key, string name, string agreement, string type, string language)
    {
        var id = ArmNames.StableId("account:" + key);
        var opened = DateOnly.FromDateTime(_now.AddYears(-1));
        var account = new BillingAccount
        {
            Id = id, Name = ArmNames.BillingAccount(id, ArmNames.StableId("agreement:" + key), opened), DisplayName = name,
            AgreementType = agreement, AccountType = type, CreatedAt = _now.AddYears(-1),
            SoldTo = new Address { AddressLine1 = "世纪大道 100 号", City = "上海", Region = "上海", PostalCode = "200120", Country = "CN", CompanyName = name },
        };
        var admin = new User
        {
            Id = ArmNames.StableId("user:" + key), BillingAccountId = id, Email = $"admin@{key}.demo.purser", FirstName = "Admin",
            LastName = name, Company = name, PreferredLanguage = language, CreatedAt = account.CreatedAt,
        };
        _entities.Add(account);
        _entities.Add(WithPassword(admin, key));
        foreach (var role in new[] { "AccountAdministrator", "BillingAccountOwner" })
        {
            _entities.Add(new RoleAssignment
            {
                Id = ArmNames.StableId($"role:{key}:{role}"), BillingAccountId = id, UserId = admin.Id, Role = role,
                ScopeKind = "BillingAccount", ScopeId = id, CreatedAt = account.CreatedAt,
            });
        }
        return (account, admin);
    }

    private BillingProfile Profile(BillingAccount account, string key, string name, string currency, string timeZone, string language = "zh-Hans")
    {
        var id = ArmNames.StableId("profile:" + key);
        var profile = new BillingProfile
        {
            Id = id, BillingAccountId = account.Id, Name = ArmNames.BillingProfile(id), DisplayName = name, Currency = currency,
            InvoiceDay = 1, InvoiceEmailOptIn = true, TimeZone = timeZone, Language = language, CreatedAt = account.CreatedAt, BillTo = account.SoldTo.Copy(),
        };
        _entities.Add(profile);
        return profile;
    }

    private Subscription Subscription(BillingAccount account, BillingProfile profile, User admin, string key, string name,
        OfferType offer, DateTime created, string? partnerId = null)
    {
        var id = ArmNames.StableId("subscription:" + key);
        var sub = new Subscription
        {
            Id = id, BillingAccountId = account.Id, BillingProfileId = profile.Id, DisplayName = name, OfferType = offer,
            OrderId = ArmNames.OrderId(id), PartnerId = partnerId, ServiceAdministratorId = admin.Id, CreatedAt = created, RecordedAt = created, StateChangedAt = created,
        };
        _entities.Add(sub);
        return sub;
    }

    private void Grant(BillingAccount account, BillingProfile profile, Subscription? sub, string key, string source,
        decimal amount, DateTime start, int months = 12)
    {
        var lot = new CreditLot
        {
            Id = ArmNames.StableId("lot:" + key), BillingAccountId = account.Id, BillingProfileId = profile.Id, SubscriptionId = sub?.Id,
            Sequence = _entities.OfType<CreditLot>().Count() + 1, Source = source, Currency = profile.Currency, OriginalAmount = amount,
            StartDate = start, ExpirationDate = start.AddMonths(months), PoNumber = "", CreatedAt = start,
        };
        _entities.Add(lot);
        _entities.Add(new CreditJournalEntry
        {
            BillingAccountId = account.Id, BillingProfileId = profile.Id, LotId = lot.Id, Kind = EntryKind.Grant, Phase = EntryPhase.Settled, Currency = lot.Currency, Amount = amount,
            Description = $"New credit added on {start:yyyy-MM-dd}", IdempotencyKey = "grant:" + key, OccurredAt = start,
        });
    }

    private void Usage(BillingAccount account, Subscription sub, Meter meter, int days, decimal perDay)
    {
        var random = new Random(sub.Id.GetHashCode() ^ meter.Id.GetHashCode());
        var today = DateOnly.FromDateTime(_now);
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var quantity = decimal.Round(perDay * (0.6m + (decimal)random.NextDouble() * 0.8m), 4);
            _entities.Add(new UsageEvent
            {
                BillingAccountId = account.Id, Source = "demo", EventId = $"{sub.Id:N}-{meter.Id:N}-{day:yyyyMMdd}", SubscriptionId = sub.Id,
                MeterId = meter.Id, Quantity = quantity, Timestamp = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                ResourceId = $"/subscriptions/{sub.Id}/resourceGroups/demo/providers/{meter.Category}/{meter.Name.Replace(' ', '-')}", ReceivedAt = _now,
            });
            _entities.Add(new UsageDailyAggregate
            {
                BillingAccountId = account.Id, SubscriptionId = sub.Id, MeterId = meter.Id, UsageDate = day, Quantity = quantity, UpdatedAt = _now,
            });
        }
    }
}
