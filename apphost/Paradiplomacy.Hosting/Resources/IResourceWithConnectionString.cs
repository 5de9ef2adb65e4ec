namespace Paradiplomacy.Hosting.Resources;

/// <summary>A resource services reach through ConnectionStrings__{Name}.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}
