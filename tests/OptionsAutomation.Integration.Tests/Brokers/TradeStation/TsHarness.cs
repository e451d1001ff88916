using Microsoft.Extensions.Logging;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation;

/// <summary>
/// A loopback TradeStation server and the connection pointed at it: settings, an encrypted token store in a temp
/// directory (seeded from the "environment" with the server's refresh token), tokens, budgets and the client, all on
/// one clock, logging into <see cref="Logs"/>.
/// </summary>
internal sealed class TsHarness : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private TsHarness(TradeStationServer server, TradeStationSettings settings, TimeProvider clock, string? refreshFromEnvironment)
    {
        Server = server;
        Settings = settings;
        Clock = clock;
        Logs = new CapturingLoggerProvider();
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Store = new RefreshTokenStore(settings, refreshFromEnvironment);
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Budgets = new RateBudgets(clock);
        Tokens = new TradeStationTokens(Http, settings, Store, clock, _loggers.CreateLogger<TradeStationTokens>());
        Client = new TradeStationClient(Http, settings, Tokens, Budgets, clock, _loggers.CreateLogger<TradeStationClient>());
    }

    public TradeStationServer Server { get; }

    public TradeStationSettings Settings { get; }

    public TimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public RefreshTokenStore Store { get; }

    public HttpClient Http { get; }

    public RateBudgets Budgets { get; }

    public TradeStationTokens Tokens { get; }

    public TradeStationClient Client { get; }

    public string Directory => Path.GetDirectoryName(Settings.TokenFile)!;

    public ILogger<T> Logger<T>() => _loggers.CreateLogger<T>();

    public static async Task<TsHarness> StartAsync(
        TimeProvider? clock = null, Func<TradeStationSettings, TradeStationSettings>? adjust = null, string? refreshFromEnvironment = TradeStationServer.InitialRefreshToken)
    {
        clock ??= TimeProvider.System;
        var server = await TradeStationServer.StartAsync(clock);
        var directory = System.IO.Directory.CreateTempSubdirectory("optauto-ts-").FullName;
        var settings = SettingsFor(server, directory);
        return new TsHarness(server, adjust is null ? settings : adjust(settings), clock, refreshFromEnvironment);
    }

    /// <summary>Settings pointing at <paramref name="server"/>, with the key ring and token file under <paramref name="directory"/>.</summary>
    public static TradeStationSettings SettingsFor(TradeStationServer server, string directory) => new()
    {
        ClientId = TradeStationServer.ClientId,
        ClientSecret = TradeStationServer.ClientSecret,
        RedirectUri = "http://localhost:3000/callback",
        ApiBaseUrl = server.ApiBaseUrl,
        TokenUrl = server.BaseUrl,
        KeyRingDirectory = Path.Combine(directory, "keys"),
        TokenFile = Path.Combine(directory, "tradestation-token.bin"),
        RequestTimeoutSeconds = 5,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _loggers.Dispose();
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind harms nothing.
        }
    }
}
