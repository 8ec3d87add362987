namespace Purser.Core.Lifecycle;

/// <summary>Who asks to cancel, and through which door.</summary>
public sealed record CancellationRequest(CancellingRole Role, CancellationChannel Channel);

public enum CancellingRole
{
    AccountAdministrator,
    EnterpriseAccountAdministrator,
    Partner,
    Operator,
}

public enum CancellationChannel
{
    Portal,
    PartnerCenter,
    OperatorApi,
}
