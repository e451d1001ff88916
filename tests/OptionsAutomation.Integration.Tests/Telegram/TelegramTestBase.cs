using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>A loopback Bot API server per test and a client pointed at it on a skipping clock.</summary>
public abstract class TelegramTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    protected const long ChatId = -1001234567890;

    private readonly List<HttpClient> _http = [];

    protected TelegramTestBase()
        : this(Start)
    {
    }

    /// <summary>For tests whose data lives at another time (the 2021 option chains).</summary>
    protected TelegramTestBase(DateTimeOffset start) => Clock = new SkippingClock(start);

    protected BotApiServer Server { get; private set; } = null!;

    protected SkippingClock Clock { get; }

    protected CapturingLogger<TelegramGateway> Log { get; } = new();

    public virtual async Task InitializeAsync() => Server = await BotApiServer.StartAsync();

    public virtual async Task DisposeAsync()
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

    protected TelegramGateway Client(TelegramSettings? settings = null)
    {
        var http = new HttpClient();
        _http.Add(http);
        return new TelegramGateway(http, settings ?? Settings(), Clock, Log);
    }
}
