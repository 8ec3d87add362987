using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Purser.Core;
using Purser.Engine.Access;

namespace Purser.Server.Hosting.Security;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against stored token hashes and keeps the caller for the request.</summary>
internal sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerDirectory callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
            return AuthenticateResult.Fail("Malformed bearer token.");
        var caller = await callers.FindByTokenAsync(token, Context.RequestAborted);
        if (caller is null)
            return AuthenticateResult.Fail("Unknown or expired bearer token.");
        Context.Items[typeof(Caller)] = caller;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString()), new Claim(ClaimTypes.Email, caller.Email)], SchemeName);
        if (caller.IsOperator)
            identity.AddClaim(new Claim(CallerAccess.OperatorClaim, "true"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ArmError.WriteAsync(Response, RefusalCode.AuthenticationFailed, "A valid bearer token is required (Authorization: Bearer …).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        return ArmError.WriteAsync(Response, RefusalCode.AuthorizationFailed, "The caller may not perform this operation (the operator API needs the operator role).");
    }
}
