namespace Purser.Engine.Access;

/// <summary>
/// The answer to "may this caller do this here?": another tenant's resource is NotFound, never
/// Forbidden, so that ids cannot be probed across tenants.
/// </summary>
public enum AccessDecision
{
    Allowed,
    Forbidden,
    NotFound,
}
