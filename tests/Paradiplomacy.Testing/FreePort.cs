using System.Net;
using System.Net.Sockets;

namespace Paradiplomacy.Testing;

/// <summary>Free loopback ports below the kernel's ephemeral range, never the same twice in a process:
/// a port from inside that range can be taken by an outgoing connection before its server binds it.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];
    private static int _next = 20000 + (Environment.ProcessId % 200) * 50;

    public static int Next()
    {
        lock (Handed)
        {
            for (var attempts = 0; attempts < 10000; attempts++)
            {
                var port = _next++;
                if (_next >= 32000)
                {
                    _next = 20000;
                }
                if (Handed.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException("No free port below 32000.");
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports (the dashboard takes three).</summary>
    public static int Block(int count)
    {
        lock (Handed)
        {
            for (var attempts = 0; attempts < 1000; attempts++)
            {
                var first = Next();
                if (Enumerable.Range(first + 1, count - 1).All(p => Handed.Add(p) && IsFree(p)))
                {
                    return first;
                }
            }
        }
        throw new InvalidOperationException($"No {count} consecutive free ports below 32000.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
