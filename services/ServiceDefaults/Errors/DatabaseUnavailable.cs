using System.Net.Sockets;
using Npgsql;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>Whether an error means PostgreSQL could not be reached or went away (restarting, shutting
/// down, the network), as opposed to a fault in the request or the code: a client should retry that.</summary>
public static class DatabaseUnavailable
{
    public static bool Explains(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01-03: administrator or crash shutdown, cannot connect now; class 08: connection exceptions.
                case PostgresException pg when pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
