using System.IO.Pipelines;
using System.Text;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation;

/// <summary>The chunked JSON stream reader, fed chunk by chunk through a pipe as a server would write them.</summary>
public sealed class TradeStationStreamReaderTests
{
    [Fact]
    public async Task ObjectsSplitAcrossChunksOrSharingOne_AreReadOneByOne_AndControlObjectsAreClassified()
    {
        var pipe = new Pipe();
        var reader = new TradeStationStreamReader(pipe.Reader.AsStream(), TimeSpan.FromSeconds(5), TimeProvider.System);
        var read = Collect(reader);

        await Write(pipe, "{\"Symbol\":\"SPY 260320P580\",\"Bid\":\"1.2");
        await Write(pipe, "5\",\"Ask\":\"1.30\"}\n{\"Heartbeat\":1,\"Timestamp\":\"2026-03-02T15:00:05Z\"}{\"Symbol\":\"SPY 260320P575\",");
        await Write(pipe, "\"Bid\":\"0.9\"}\r\n{\"StreamStatus\":\"EndSnapshot\"}\n");
        await Write(pipe, "{\"Error\":\"DualLogon\",\"Message\":\"Another session\"}{\"StreamStatus\":\"GoAway\"}");
        await pipe.Writer.CompleteAsync();

        var messages = await read;
        Assert.Equal(
            [StreamMessageKind.Data, StreamMessageKind.Heartbeat, StreamMessageKind.Data, StreamMessageKind.EndSnapshot, StreamMessageKind.Error, StreamMessageKind.GoAway],
            messages.Select(m => m.Kind));
        Assert.Equal("1.25", messages[0].Body.GetProperty("Bid").GetString());
        Assert.Equal("SPY 260320P575", messages[2].Body.GetProperty("Symbol").GetString());
        Assert.Equal("DualLogon: Another session", messages[4].ErrorText);
    }

    [Fact]
    public async Task ASilentStream_ThrowsATimeout_InsteadOfWaitingForever()
    {
        var pipe = new Pipe();
        var reader = new TradeStationStreamReader(pipe.Reader.AsStream(), TimeSpan.FromMilliseconds(300), TimeProvider.System);
        await Write(pipe, """{"Heartbeat":1}""");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Collect(reader));

        Assert.Contains("silent", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<StreamMessage>> Collect(TradeStationStreamReader reader)
    {
        var messages = new List<StreamMessage>();
        await foreach (var message in reader.ReadAllAsync(CancellationToken.None))
        {
            messages.Add(message);
        }

        return messages;
    }

    private static async Task Write(Pipe pipe, string chunk)
    {
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(chunk));
        await Task.Delay(20);
    }
}
