using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>The role assignments held at a billing account or at one of its billing profiles.</summary>
public static class BillingRoleAssignmentsEndpoints
{
    public static void MapBillingRoleAssignments(this RouteGroupBuilder billing)
    {
        billing.MapGet("/billingAccounts/{account}/billingRoleAssignments", async (HttpContext http, RoleAssignmentQueries roles) =>
        {
            var scope = http.Scope();
            var found = await roles.AtScopeAsync(scope.AccountId, scope.AccountId, http.RequestAborted);
            return BillingLists.Page(http.Request, found, r => RoleAssignmentShapes.Assignment(ArmIds.Of(scope), ArmIds.AccountRoleAssignmentType, r));
        }).RequiresScope(Permission.Read);

        billing.MapGet("/billingAccounts/{account}/billingProfiles/{profile}/billingRoleAssignments", async (HttpContext http, RoleAssignmentQueries roles) =>
        {
            var scope = http.Scope();
            var found = await roles.AtScopeAsync(scope.AccountId, scope.ProfileId!.Value, http.RequestAborted);
            return BillingLists.Page(http.Request, found, r => RoleAssignmentShapes.Assignment(ArmIds.Of(scope), ArmIds.ProfileRoleAssignmentType, r));
        }).RequiresScope(Permission.Read);
    }
}
