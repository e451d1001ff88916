using System.Text.Json;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>Reads the <c>event_id</c> on the last line of an export file, reading backwards from its end.</summary>
internal static class AuditFileTail
{
    private const byte NewLine = (byte)'\n';
    private const int ChunkSize = 4096;

    /// <summary>
    /// The last complete line's <c>event_id</c>, or null for an empty file. A last line without its newline was
    /// being written when the process died: it is cut off (the only change ever made to written bytes) so the
    /// event is written again, whole, by the next export.
    /// </summary>
    public static long? LastEventId(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        DropTornLine(stream);
        var length = stream.Length;
        if (length == 0)
        {
            return null;
        }

        var start = LastIndexOfNewLine(stream, length - 1) + 1;
        var line = new byte[checked((int)(length - 1 - start))];
        stream.Position = start;
        stream.ReadExactly(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("event_id").GetInt64();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Guessing a position could write events twice or skip them; stop and say where.
            throw new InvalidDataException($"{path}: the last line is not an exported audit event ({e.Message}).", e);
        }
    }

    private static void DropTornLine(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0 || ByteAt(stream, length - 1) == NewLine)
        {
            return;
        }

        stream.SetLength(LastIndexOfNewLine(stream, length - 1) + 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The index of the last newline before <paramref name="end"/> (exclusive), or -1.</summary>
    private static long LastIndexOfNewLine(FileStream stream, long end)
    {
        var buffer = new byte[ChunkSize];
        while (end > 0)
        {
            var start = Math.Max(0, end - ChunkSize);
            var count = (int)(end - start);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, count);
            var index = Array.LastIndexOf(buffer, NewLine, count - 1, count);
            if (index >= 0)
            {
                return start + index;
            }

            end = start;
        }

        return -1;
    }

    private static byte ByteAt(FileStream stream, long position)
    {
        stream.Position = position;
        return (byte)stream.ReadByte();
    }
}
