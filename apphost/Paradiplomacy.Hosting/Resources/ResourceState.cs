namespace Paradiplomacy.Hosting.Resources;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}
