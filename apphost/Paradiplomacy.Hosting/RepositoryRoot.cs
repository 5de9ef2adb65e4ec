namespace Paradiplomacy.Hosting;

/// <summary>The checkout the AppHost runs from: the folder holding Paradiplomacy.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Paradiplomacy.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Paradiplomacy.sln not found above " + AppContext.BaseDirectory);
    }
}
