using OptionsAutomation.Infrastructure.Telegram;
using Telegram.Bot.Types.Enums;

namespace OptionsAutomation.Integration.Tests.Telegram;

public sealed class TelegramRateLimitTests : TelegramTestBase
{
    [Fact]
    public async Task TwoSendsToOneChat_AreASecondApart()
    {
        var client = Client();

        await client.SendMessageAsync(ChatId, "one", null, silent: false, CancellationToken.None);
        await client.EditMessageTextAsync(ChatId, 101, "two", null, CancellationToken.None);

        Assert.Equal([TelegramRateLimiter.PerChatInterval], Clock.Waits);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task SendsToDifferentChats_AreSpacedOnlyByTheOverallLimit()
    {
        var client = Client();

        await client.SendMessageAsync(ChatId, "one", null, silent: false, CancellationToken.None);
        await client.SendMessageAsync(777, "two", null, silent: false, CancellationToken.None);

        Assert.Equal([TelegramRateLimiter.OverallInterval], Clock.Waits);
    }

    [Fact]
    public async Task CallsThatSendNothing_AreNotLimited()
    {
        var client = Client();

        await client.SendMessageAsync(ChatId, "one", null, silent: false, CancellationToken.None);
        await client.AnswerCallbackQueryAsync("cq-1", null, showAlert: false, CancellationToken.None);
        await client.GetUpdatesAsync(null, 0, [UpdateType.Message], CancellationToken.None);

        Assert.Empty(Clock.Waits);
    }
}
