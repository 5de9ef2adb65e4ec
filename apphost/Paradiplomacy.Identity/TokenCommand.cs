using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Identity;

/// <summary>Prints a token signed by the development issuer (the key the running identity resource
/// publishes), as the last line, so scripts can take it with `tail -n1`.</summary>
public static class TokenCommand
{
    public static int Run(string[] args)
    {
        string? role = null, region = null, ministry = null, subject = null;
        var stateDirectory = DefaultStateDirectory();
        var issuer = DevelopmentIdentity.DefaultIssuer;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length: role = args[++i]; break;
                case "--region" when i + 1 < args.Length: region = args[++i]; break;
                case "--ministry" when i + 1 < args.Length: ministry = args[++i]; break;
                case "--subject" when i + 1 < args.Length: subject = args[++i]; break;
                case "--state-dir" when i + 1 < args.Length: stateDirectory = Path.GetFullPath(args[++i]); break;
                case "--issuer" when i + 1 < args.Length: issuer = args[++i]; break;
                default:
                    Console.Error.WriteLine($"error: unknown option '{args[i]}'");
                    return 2;
            }
        }
        if (role is null)
        {
            Console.Error.WriteLine($"usage: token --role {string.Join("|", Roles.All)} [--region CODE] [--ministry kemendagri|kemlu] [--subject ID] [--state-dir PATH] [--issuer URL]");
            return 2;
        }
        try
        {
            Console.WriteLine(new DevelopmentIdentity(stateDirectory, issuer).CreateToken(role, region, ministry, subject));
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The AppHost's state folder: PARADIPLOMACY_STATE_DIR, else `.state/` beside Paradiplomacy.sln.</summary>
    public static string DefaultStateDirectory()
    {
        if (Environment.GetEnvironmentVariable("PARADIPLOMACY_STATE_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Paradiplomacy.sln")))
                {
                    return Path.Combine(dir.FullName, ".state");
                }
            }
        }
        return Path.Combine(Environment.CurrentDirectory, ".state");
    }
}
