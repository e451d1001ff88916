using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// The worker's own composition (<see cref="ServiceRegistration"/> and <see cref="TelegramRegistration"/>) on a test
/// database, the real SPY chains of 2021-03-01, the paper broker and a Bot API server on loopback. Each harness
/// is one worker process: a second one on the same database is a restart.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const long Alice = 111;
    public const long Mallory = 666;
    public const long ChatId = -1001234567890;
    public const string Secret = "a-test-secret-of-some-length";

    /// <summary>The close of 2021-03-01, when the chain files are stamped (16:00 New York).</summary>
    public static readonly DateTimeOffset Close = Spy2021Settings.Close;

    private readonly ServiceProvider _services;

    private BotHarness(ServiceProvider services, SkippingClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public SkippingClock Clock { get; }

    public TelegramBot Bot => Get<TelegramBot>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static BotHarness Start(TestDatabase db, BotApiServer server, SkippingClock? clock = null)
    {
        var settings = Spy2021Settings.For(db);
        settings["Telegram:BotToken"] = BotApiServer.Token;
        settings["Telegram:ApiBaseUrl"] = server.BaseUrl;
        settings["Telegram:ChatId"] = ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Telegram:AllowedUserIds:0"] = Alice.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Telegram:CallbackSecret"] = Secret;
        settings["Telegram:LongPollSeconds"] = "0";
        settings["Telegram:RequestTimeoutSeconds"] = "5";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var skipping = clock ?? new SkippingClock(Close);
        var services = new ServiceCollection().AddLogging();
        services.AddOptionsAutomation(configuration);
        services.AddTelegram(TelegramRegistration.ReadTelegram(configuration));
        services.AddSingleton<TimeProvider>(skipping);
        return new BotHarness(services.BuildServiceProvider(), skipping);
    }

    /// <summary>Runs the morning screener at the close of 2021-03-01: one SPY 370 put proposal.</summary>
    public async Task<TradeProposal> ProposeAsync()
    {
        var run = await Get<Core.Trading.ProposalService>().RunAsync(Close, CancellationToken.None);
        return Assert.Single(run.Proposals);
    }

    /// <summary>Posts the proposal's card as the outbox sender does, returning the chat message.</summary>
    public Task<Message> PostCardAsync(TradeProposal proposal)
    {
        var card = Get<ProposalCard>();
        return Get<TelegramGateway>().SendMessageAsync(ChatId, card.Text(proposal, Clock.GetUtcNow()), card.Buttons(proposal), silent: false, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
