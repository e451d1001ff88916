using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Integration.Tests.Telegram;

public sealed class TelegramResilienceTests : TelegramTestBase
{
    [Fact]
    public async Task FloodControl_WaitsRetryAfterThenDeliversOnce()
    {
        Server.Script("sendMessage", BotApiReply.Error(429, "Too Many Requests: retry after 1", retryAfter: 1));

        var sent = await Client().SendMessageAsync(ChatId, "exit SPY", null, silent: false, CancellationToken.None);

        Assert.Equal(2, Server.Calls("sendMessage").Count); // the refused attempt and the delivery
        Assert.Equal(ChatId, sent.Chat.Id);
        Assert.Equal([TimeSpan.FromSeconds(1)], Clock.Waits);
    }

    [Fact]
    public async Task FloodControl_LongerThanAllowed_IsThrownWithItsRetryAfter()
    {
        Server.Script("sendMessage", BotApiReply.Error(429, "Too Many Requests: retry after 600", retryAfter: 600));

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Client().SendMessageAsync(ChatId, "exit SPY", null, silent: false, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithGrowingBackoff()
    {
        Server.Script("getMe", BotApiReply.Error(500, "Internal Server Error"), new BotApiReply(502, "<html>Bad Gateway</html>"));

        var bot = await Client().GetMeAsync(CancellationToken.None);

        Assert.Equal(123456, bot.Id);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(2, Clock.Waits.Count);
        Assert.All(Clock.Waits, wait => Assert.True(wait > TimeSpan.Zero));
    }

    [Fact]
    public async Task ServerErrors_BeyondTheRetries_Throw()
    {
        Server.Script("getMe", [.. Enumerable.Repeat(BotApiReply.Error(500, "Internal Server Error"), 4)]);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client().GetMeAsync(CancellationToken.None));

        Assert.Equal(500, error.ErrorCode);
        Assert.Equal(4, Server.Requests.Count); // MaxRetries 3 after the first
    }

    [Theory]
    [InlineData(400, "Bad Request: can't parse entities")]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    public async Task ClientErrors_AreNotRetried_AndAreLoggedAsErrors(int code, string description)
    {
        Server.Script("sendMessage", BotApiReply.Error(code, description));

        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => Client().SendMessageAsync(ChatId, "<b", null, silent: false, CancellationToken.None));

        Assert.Equal((code, description), (error.ErrorCode, error.Description));
        Assert.Single(Server.Requests);
        Assert.Empty(Clock.Waits);
        Assert.Contains(Log.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal) && line.Contains(description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAttemptWithoutAnswer_TimesOutAndIsRetried()
    {
        Server.Script("getMe", new BotApiReply(200, "{}", TimeSpan.FromSeconds(30)));

        var bot = await Client(Settings() with { RequestTimeoutSeconds = 0.3 }).GetMeAsync(CancellationToken.None);

        Assert.Equal(123456, bot.Id);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Contains(Log.Lines, line => line.Contains("TimeoutException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NetworkFailures_AreRetried_ThenThrownAsHttpRequestExceptions_WithoutTheToken()
    {
        var closed = Settings() with { ApiBaseUrl = $"http://127.0.0.1:{Support.LoopbackPort.Free()}" };

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(closed).GetMeAsync(CancellationToken.None));

        Assert.Equal(3, Clock.Waits.Count); // MaxRetries 3 after the first
        Assert.Equal(4, Log.Lines.Count);
        Assert.All(Log.Lines, line =>
        {
            Assert.Contains("HttpRequestException", line, StringComparison.Ordinal);
            Assert.DoesNotContain(BotApiServer.Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain("/bot", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TheToken_IsInThePathButNeverInTheLog()
    {
        Server.Script("sendMessage",
            BotApiReply.Error(500, "Internal Server Error"),
            BotApiReply.Error(429, "Too Many Requests: retry after 1", retryAfter: 1),
            BotApiReply.Error(400, "Bad Request: chat not found"));

        await Assert.ThrowsAsync<TelegramApiException>(() => Client().SendMessageAsync(ChatId, "x", null, silent: true, CancellationToken.None));
        await Assert.ThrowsAsync<TelegramApiException>(() => Client(Settings("999:another-secret")).GetMeAsync(CancellationToken.None));

        Assert.All(Server.Requests, r => Assert.StartsWith($"/bot", r.Path, StringComparison.Ordinal));
        Assert.Equal($"/bot{BotApiServer.Token}/sendMessage", Server.Requests[0].Path);
        Assert.True(Server.Requests[0].Body.GetProperty("disable_notification").GetBoolean());
        Assert.Equal(4, Log.Lines.Count);
        Assert.All(Log.Lines, line =>
        {
            Assert.DoesNotContain(BotApiServer.Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain("another-secret", line, StringComparison.Ordinal);
            Assert.DoesNotContain("/bot", line, StringComparison.Ordinal);
        });
    }
}
