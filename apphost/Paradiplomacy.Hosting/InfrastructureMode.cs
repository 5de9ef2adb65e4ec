namespace Paradiplomacy.Hosting;

/// <summary>How PostgreSQL, Redis and RabbitMQ run: Aspire's containers where a container engine
/// answers, the distribution's servers as executable resources where none does (this machine, CI).
/// `Paradiplomacy:Infrastructure` = containers | executables overrides the detection.</summary>
public enum InfrastructureMode
{
    Executables,
    Containers,
}
