using System.Text.Json;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// Appends one JSON line per event to the file of its date, flushed to disk before the next one, so a crash loses
/// at most the line being written (and <see cref="AuditFileTail"/> removes its torn remains).
/// </summary>
internal sealed class AuditFileWriter(string directory) : IDisposable
{
    private FileStream? _stream;
    private string? _path;

    public void Append(AuditRecord record)
    {
        var path = AuditFiles.PathFor(directory, record.OccurredAt);
        if (_stream is null || path != _path)
        {
            _stream?.Dispose();
            _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            _path = path;
        }

        // Compact JSON escapes control characters, so the only newline is the terminator; one write per line.
        var json = JsonSerializer.SerializeToUtf8Bytes(record, DomainJson.Options);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        _stream.Write(line);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream?.Dispose();
}
