using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Identity;

namespace Paradiplomacy.AppHost;

/// <summary>Prints a token signed by the development issuer (the same key the running apphost
/// publishes), as the last line, so scripts can take it with `tail -n1`.</summary>
public static class TokenCommand
{
    public static int Run(string[] args)
    {
        string? role = null, region = null, ministry = null, subject = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length: role = args[++i]; break;
                case "--region" when i + 1 < args.Length: region = args[++i]; break;
                case "--ministry" when i + 1 < args.Length: ministry = args[++i]; break;
                case "--subject" when i + 1 < args.Length: subject = args[++i]; break;
                default: rest.Add(args[i]); break;
            }
        }
        if (role is null)
        {
            Console.Error.WriteLine($"usage: token --role {string.Join("|", DevelopmentIdentity.Roles)} [--region CODE] [--ministry kemendagri|kemlu] [--subject ID]");
            return 2;
        }
        try
        {
            var options = DistributedApplicationOptions.FromArgs([.. rest]);
            var identity = new DevelopmentIdentity(options.StateDirectory, options.DashboardPort);
            Console.WriteLine(identity.CreateToken(role, region, ministry, subject));
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }
}
