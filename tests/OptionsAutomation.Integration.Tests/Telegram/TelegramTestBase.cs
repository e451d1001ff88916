using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>A loopback Bot API server per test and a client pointed at it on a skipping clock.</summary>
public abstract class TelegramTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    protected const long ChatId = -1001234567890;

    private readonly List<HttpClient> _http = [];

    protected BotApiServer Server { get; private set; } = null!;

    protected SkippingClock Clock { get; } = new(Start);

    protected CapturingLogger<TelegramBotClient> Log { get; } = new();

    public async Task InitializeAsync() => Server = await BotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.ForEach(h => h.Dispose());
        await Server.DisposeAsync();
    }

    protected TelegramSettings Settings(string token = BotApiServer.Token) => new()
    {
        BotToken = token,
        ApiBaseUrl = Server.BaseUrl,
        ChatId = ChatId,
        CallbackSecret = "a-test-secret-of-some-length",
        RequestTimeoutSeconds = 5,
        MaxRetries = 3,
        RetryBaseDelaySeconds = 1,
    };

    protected TelegramBotClient Client(TelegramSettings? settings = null)
    {
        var http = new HttpClient();
        _http.Add(http);
        return new TelegramBotClient(http, settings ?? Settings(), Clock, Log);
    }
}
