namespace Paradiplomacy.Agreements.Jobs;

/// <summary>Agreements:Lifecycle. How often the job looks for agreements to activate, announce or expire.</summary>
public sealed class LifecycleOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
