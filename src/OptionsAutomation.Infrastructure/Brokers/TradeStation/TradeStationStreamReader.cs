using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Reads an HTTP stream of JSON objects (chunked, no Content-Length) one object at a time. Objects may be split
/// across chunks or several may share one, with or without newlines between them, so bytes are buffered until a
/// whole value parses. Every object is yielded, classified (<see cref="StreamMessage.Classify"/>): the caller decides
/// what a heartbeat, <c>EndSnapshot</c>, <c>GoAway</c> or an error means for it. The sequence ends when the server
/// ends the stream; nothing received for <paramref name="inactivity"/> (heartbeats count) throws
/// <see cref="TimeoutException"/>, so a dead connection is never waited on forever. Malformed JSON throws
/// <see cref="JsonException"/>.
/// </summary>
public sealed class TradeStationStreamReader(Stream stream, TimeSpan inactivity, TimeProvider clock)
{
    private const int ReadSize = 16 * 1024;

    public async IAsyncEnumerable<StreamMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ReadSize * 2);
        var start = 0;
        var pending = new List<JsonElement>();
        while (true)
        {
            var read = await ReadChunkAsync(buffer, cancellationToken).ConfigureAwait(false);
            start = TakeObjects(buffer.WrittenMemory[start..], start, pending, isFinal: read == 0);
            foreach (var body in pending)
            {
                yield return StreamMessage.Classify(body);
            }

            pending.Clear();
            if (read == 0)
            {
                yield break;
            }

            // Keep only the unparsed tail, so a long-lived stream does not grow the buffer without end.
            if (start > 0 && start == buffer.WrittenCount)
            {
                buffer.Clear();
                start = 0;
            }
            else if (start > ReadSize)
            {
                var tail = buffer.WrittenMemory[start..].ToArray();
                buffer.Clear();
                buffer.Write(tail);
                start = 0;
            }
        }
    }

    private async Task<int> ReadChunkAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        using var silence = new CancellationTokenSource(inactivity, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        try
        {
            var read = await stream.ReadAsync(buffer.GetMemory(ReadSize), linked.Token).ConfigureAwait(false);
            buffer.Advance(read);
            return read;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TradeStation stream silent for {inactivity.TotalSeconds} s (no data, no heartbeat).");
        }
    }

    // Parses every complete value in the unread bytes and returns the new start of the unread part.
    private static int TakeObjects(ReadOnlyMemory<byte> unread, int start, List<JsonElement> into, bool isFinal)
    {
        var consumed = 0;
        while (true)
        {
            var span = unread.Span[consumed..];
            var skip = 0;
            while (skip < span.Length && span[skip] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
            {
                skip++;
            }

            consumed += skip;
            if (consumed == unread.Length)
            {
                return start + consumed;
            }

            var reader = new Utf8JsonReader(unread.Span[consumed..], isFinalBlock: isFinal, state: default);
            if (!JsonDocument.TryParseValue(ref reader, out var document))
            {
                return start + consumed;
            }

            using (document)
            {
                into.Add(document.RootElement.Clone());
            }

            consumed += (int)reader.BytesConsumed;
        }
    }
}
