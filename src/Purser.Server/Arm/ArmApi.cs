using Purser.Server.Arm.Billing;
using Purser.Server.Arm.Consumption;

namespace Purser.Server.Arm;

/// <summary>
/// The Microsoft.Billing and Microsoft.Consumption surface (R-ARM): the paths, api-versions,
/// shapes and errors the official Azure SDK clients speak.
/// </summary>
public static class ArmApi
{
    public static void MapArmApi(this IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/providers/Microsoft.Billing").RequireApiVersion(ApiVersions.Billing).GateScopes();
        var consumption = app.MapGroup("/").RequireApiVersion(ApiVersions.Consumption).GateScopes();
        MapBilling(billing);
        MapConsumption(consumption);
    }

    // Microsoft.Billing resources: accounts, profiles, subscriptions, role assignments, invoices with their transactions and documents.
    private static void MapBilling(RouteGroupBuilder billing)
    {
        billing.MapBillingAccounts();
        billing.MapBillingSubscriptions();
        billing.MapBillingRoleAssignments();
        billing.MapInvoices();
        billing.MapInvoiceTransactions();
        billing.MapInvoiceDocuments();
    }

    // Microsoft.Consumption resources under billing scopes and subscriptions.
    private static void MapConsumption(RouteGroupBuilder consumption)
    {
        consumption.MapCredits();
        consumption.MapBalances();
        consumption.MapCharges();
        consumption.MapPriceSheet();
        consumption.MapBudgets();
        consumption.MapUsageDetails();
    }
}
