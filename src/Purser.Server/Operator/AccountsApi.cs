using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Accounts;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: the structure and people of a tenant (R-OPS).</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/billingAccounts", async (NewBillingAccount body, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.CreateAccountAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Accounts);
        ops.MapPost("/billingProfiles", async (NewBillingProfile body, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.CreateProfileAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Accounts);
        ops.MapPost("/users", async (NewUser body, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.CreateUserAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.UsersAndRoles);
        ops.MapGet("/users/{userId:guid}", async Task<Results<Ok<UserProfileView>, JsonHttpResult<ArmErrorBody>>> (
                Guid userId, UserProfileCommands profiles, CancellationToken ct) =>
            await profiles.FindAsync(userId, ct) is { } found ? TypedResults.Ok(found) : ArmError.NotFound($"User '{userId}'"))
            .WithTags(OperatorTags.UsersAndRoles);
        ops.MapPost("/roleAssignments", async (NewRoleAssignment body, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.AssignRoleAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.UsersAndRoles);
        ops.MapPost("/tokens", async (NewApiToken body, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.CreateTokenAsync(body, ct)).Created())
            .WithIdempotencyKey(stored: reply => reply is ApiTokenView token ? token with { Token = null } : reply).WithTags(OperatorTags.UsersAndRoles);
        ops.MapGet("/users/{userId:guid}/tokens", async Task<Results<Ok<OperatorList<ApiTokenSummary>>, JsonHttpResult<ArmErrorBody>>> (
                Guid userId, AccountCommands accounts, CancellationToken ct) =>
            await accounts.ListTokensAsync(userId, ct) is { } tokens ? TypedResults.Ok(new OperatorList<ApiTokenSummary>(tokens)) : ArmError.NotFound($"User '{userId}'"))
            .WithTags(OperatorTags.UsersAndRoles);
        ops.MapPost("/tokens/{tokenId:guid}/revocation", async (Guid tokenId, AccountCommands accounts, CancellationToken ct) =>
            (await accounts.RevokeTokenAsync(tokenId, ct)).Ok()).WithIdempotencyKey().WithTags(OperatorTags.UsersAndRoles);
        return ops;
    }
}
