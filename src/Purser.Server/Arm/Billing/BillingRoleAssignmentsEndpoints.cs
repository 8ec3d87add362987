using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>The role assignments held at a billing account or at one of its billing profiles.</summary>
public static class BillingRoleAssignmentsEndpoints
{
    public static void MapBillingRoleAssignments(this RouteGroupBuilder billing)
    {
        billing.MapGet("/billingAccounts/{account}/billingRoleAssignments", async (HttpContext http, string account, RoleAssignmentQueries roles) =>
        {
            var (scope, denied) = await ScopeAccess.ReadableAccountAsync(http, account);
            if (denied is not null)
                return denied;
            var scopeId = BillingIds.Account(scope!.AccountName);
            var found = await roles.AtScopeAsync(scope.AccountId, scope.AccountId, http.RequestAborted);
            return BillingLists.Page(http.Request, found, r => RoleAssignmentShapes.Assignment(scopeId, BillingIds.AccountRoleAssignmentType, r));
        });

        billing.MapGet("/billingAccounts/{account}/billingProfiles/{profile}/billingRoleAssignments",
            async (HttpContext http, string account, string profile, RoleAssignmentQueries roles) =>
            {
                var (scope, denied) = await ScopeAccess.ReadableProfileAsync(http, account, profile);
                if (denied is not null)
                    return denied;
                var scopeId = BillingIds.Profile(scope!.AccountName, scope.ProfileName!);
                var found = await roles.AtScopeAsync(scope.AccountId, scope.ProfileId!.Value, http.RequestAborted);
                return BillingLists.Page(http.Request, found, r => RoleAssignmentShapes.Assignment(scopeId, BillingIds.ProfileRoleAssignmentType, r));
            });
    }
}
