using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>BillingRoleAssignment resources at a billing account or billing profile (Microsoft.Billing 2020-05-01).</summary>
public static class RoleAssignmentShapes
{
    /// <param name="scopeId">The ARM id of the account or profile the role is held at.</param>
    /// <param name="type">The resource type for that scope (<see cref="ArmIds"/>).</param>
    public static object Assignment(string scopeId, string type, RoleAssignmentRecord assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var name = assignment.Id.ToString("D");
        return new
        {
            id = ArmIds.RoleAssignment(scopeId, name),
            name,
            type,
            properties = new
            {
                createdOn = assignment.CreatedOn,
                principalId = assignment.UserId.ToString("D"),
                // A customer user belongs to one tenant, their billing account; operators stand outside every tenant.
                principalTenantId = (assignment.UserHomeAccountId ?? assignment.BillingAccountId).ToString("D"),
                roleDefinitionId = ArmIds.RoleDefinition(scopeId, assignment.Role),
                scope = scopeId,
                userEmailAddress = assignment.UserEmail,
                userAuthenticationType = "Organization",
            },
        };
    }
}
