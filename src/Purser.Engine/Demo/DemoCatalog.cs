using Purser.Engine.Accounts;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Demo;

/// <summary>The demo's meters and prices, in CNY and USD; two products are credit-ineligible (R-CE).</summary>
internal sealed class DemoCatalog
{
    private readonly List<object> _entities = [];

    public DemoCatalog(DateTime nowUtc)
    {
        var since = nowUtc.AddYears(-2);
        VirtualMachine = Meter("虚拟机 D2 v3", "Virtual Machines", "1 Hour", eligible: true, since, cny: 0.92m, usd: 0.096m);
        BlobStorage = Meter("块 Blob 存储 LRS", "Storage", "1 GB/Month", eligible: true, since, cny: 0.15m, usd: 0.0208m);
        Backup = Meter("备份存储", "Backup", "1 GB/Month", eligible: true, since, cny: 0.25m, usd: 0.05m);
        UbuntuAdvantage = Meter("Ubuntu Advantage", "Marketplace", "1 Hour", eligible: false, since, cny: 0.35m, usd: 0.05m);
        Meter("Azure 支持计划 - 标准", "Support", "1 Month", eligible: false, since, cny: 680m, usd: 100m);
        OfficeSeat = Meter("Office 365 E3", "License", "1 Seat/Month", eligible: true, since, cny: 11m, usd: 20m);
    }

    public Meter VirtualMachine { get; }
    public Meter BlobStorage { get; }
    public Meter Backup { get; }
    public Meter UbuntuAdvantage { get; }
    public Meter OfficeSeat { get; }
    public IReadOnlyList<object> Entities => _entities;

    private Meter Meter(string name, string category, string unit, bool eligible, DateTime since, decimal cny, decimal usd)
    {
        var meter = new Meter { Id = ArmNames.StableId("meter:" + name), Name = name, Category = category, Unit = unit, CreditEligible = eligible, CreatedAt = since };
        _entities.Add(meter);
        _entities.Add(new PriceVersion { MeterId = meter.Id, Currency = "CNY", UnitPrice = cny, EffectiveFrom = since, AnnouncedAt = since.AddDays(-30) });
        _entities.Add(new PriceVersion { MeterId = meter.Id, Currency = "USD", UnitPrice = usd, EffectiveFrom = since, AnnouncedAt = since.AddDays(-30) });
        return meter;
    }
}
