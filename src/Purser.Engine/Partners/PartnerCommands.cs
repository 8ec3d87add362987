using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Accounts;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Partners;

public sealed record NewPartner([property: Required] string? Id, [property: Required] string? CompanyName, int? BillingDay);

public sealed record PartnerView(string Id, string CompanyName, int BillingDay);

/// <summary>Resellers (R-PARTNER): registered by the operator, looked up by customers before they link one.</summary>
public sealed partial class PartnerCommands(PurserStore store, TimeProvider clock)
{
    public async Task<Outcome<PartnerView>> CreateAsync(NewPartner input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                PartnerIdRule(input.Id, "id"),
                InputRules.Required(input.CompanyName, "companyName"),
                input.BillingDay is < 1 or > 31 ? new Refusal(RefusalCode.InvalidField, "'billingDay' must be between 1 and 31.", "billingDay") : null) is { } invalid)
            return invalid;
        await using var db = store.CreateContext();
        if (await db.Partners.AnyAsync(p => p.Id == input.Id, ct))
            return new Refusal(RefusalCode.Conflict, $"Partner '{input.Id}' already exists.", "id");
        var partner = new Partner { Id = input.Id!, CompanyName = input.CompanyName!.Trim(), BillingDay = input.BillingDay ?? 1, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return new PartnerView(partner.Id, partner.CompanyName, partner.BillingDay);
    }

    /// <summary>The check a customer makes before confirming a partner: a valid id shows the company name.</summary>
    public async Task<Outcome<PartnerView>> CheckAsync(string? id, CancellationToken ct)
    {
        if (PartnerIdRule(id) is { } invalid)
            return invalid;
        await using var db = store.CreateContext();
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return partner is null
            ? InputRules.NotFound("Partner", "partnerId", id)
            : new PartnerView(partner.Id, partner.CompanyName, partner.BillingDay);
    }

    /// <summary>A partner id's shape; <paramref name="field"/> names it as the caller sent it ("id" in a new partner's body).</summary>
    public static Refusal? PartnerIdRule(string? id, string field = "partnerId") =>
        InputRules.Required(id, field, 64) ?? (PartnerIdPattern().IsMatch(id!) ? null
            : new Refusal(RefusalCode.InvalidField, $"'{field}' may hold only letters, digits and '-'.", field));

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial System.Text.RegularExpressions.Regex PartnerIdPattern();
}
