using Purser.Server.Hosting.Security;

namespace Purser.Server.Operator;

/// <summary>The operator API under <c>/ops</c>: everything the ARM surface does not create.</summary>
public static class OperatorApi
{
    public const string Prefix = "/ops";

    public static void MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup(Prefix).RequireOperator();
        ops.MapAccountsApi();
        ops.MapCreditsApi();
        ops.MapBillingApi();
        ops.MapCatalogApi();
        ops.MapSubscriptionsApi();
        ops.MapUsageApi();
        ops.MapUsageSeriesApi();
        ops.MapPaymentsApi();
        ops.MapWebhooksApi();
        ops.MapOutboxMailApi();
        ops.MapBudgetsApi();
    }
}
