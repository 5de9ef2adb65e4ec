namespace Paradiplomacy.Hosting.Resources;

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}
