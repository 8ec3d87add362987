namespace Purser.Server.Arm;

/// <summary>What an ARM endpoint needs of the caller at the scope its route names (R-ROLES), declared with <see cref="ScopeRequirement.RequiresScope"/>.</summary>
public enum Permission
{
    /// <summary>Any authenticated caller, for a route that names no scope: the endpoint lists only what the caller may see.</summary>
    AnyCaller,

    /// <summary>Standing in the account's tenant: every member sees the account itself (<c>hasReadAccess</c> says whether they may read it).</summary>
    Member,

    /// <summary>A billing reader role on the account or on at least one of its profiles: the endpoint lists only the readable profiles' objects.</summary>
    ReadSome,

    /// <summary>A billing reader role at the scope (<see cref="Engine.Access.AccessRules.ReadBilling"/>).</summary>
    Read,

    /// <summary>A billing writer role at the scope (<see cref="Engine.Access.AccessRules.WriteBilling"/>).</summary>
    Write,
}
