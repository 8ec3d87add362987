namespace Purser.Engine.Jobs;

/// <summary>Where one claimed run of a scheduled job stands.</summary>
public enum JobRunStatus
{
    Running,
    Succeeded,
    Failed,
}
