namespace Paradiplomacy.Hosting.Infrastructure;

/// <summary>The last lines a process printed, for the dashboard; also appended to a log file.</summary>
public sealed class LogBuffer(int capacity = 5000) : IDisposable
{
    private readonly Queue<LogLine> _lines = new();
    private long _sequence;
    private StreamWriter? _file;

    public void AttachFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public void Add(string text, bool isError)
    {
        lock (_lines)
        {
            _lines.Enqueue(new LogLine(++_sequence, DateTimeOffset.UtcNow, text, isError));
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
            _file?.WriteLine(text);
        }
    }

    public IReadOnlyList<LogLine> Snapshot(long afterSequence = 0, int max = 1000)
    {
        lock (_lines)
        {
            return _lines.Where(l => l.Sequence > afterSequence).TakeLast(max).ToList();
        }
    }

    public void Dispose()
    {
        lock (_lines)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
