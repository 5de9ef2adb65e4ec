using Paradiplomacy.AppHost;
using Paradiplomacy.Hosting;

// `-- token --role ROLE [--region CODE] [--ministry kemendagri|kemlu]` prints a development token.
if (args.Length > 0 && args[0] == "token")
{
    return TokenCommand.Run(args[1..]);
}

DistributedApplicationBuilder builder;
try
{
    builder = DistributedApplication.CreateBuilder(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

SystemModel.Describe(builder);
await using var app = builder.Build();
return await app.RunAsync();
