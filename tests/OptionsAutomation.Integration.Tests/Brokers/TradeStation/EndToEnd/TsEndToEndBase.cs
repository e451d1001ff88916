using System.Diagnostics;
using System.Globalization;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Integration.Tests.Telegram;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.EndToEnd;

/// <summary>
/// The worker and the CLI as processes against the loopback TradeStation server (broker and market data), a loopback
/// Bot API server and one database. The market is today's: SPY at 600.00 traded just now, a put chain for the Friday
/// 35 to 41 days out (the 585 put 4.00/4.10 at delta −0.25, the 580 put 2.20/2.30), so the screener proposes one
/// 585/580 VPC at a 1.80 mid credit (natural 1.70). The market-hours crons are moved to New Year's midnight, so the
/// tests do the same at any hour: every step is driven by a CLI verb, the HTTP API, a Telegram button, or the worker's
/// start-up jobs (order recovery, reconciliation), which run whatever the hour.
/// </summary>
public abstract class TsEndToEndBase(PostgresServer server) : IAsyncLifetime
{
    protected const string ApiToken = "e2e-api-token-0123456789";

    protected const string Short = "585";

    protected const string Long = "580";

    private const string NewYear = "0 0 0 1 1 ?";

    private OptautoProcess? _worker;

    protected TestDatabase Db { get; private set; } = null!;

    internal TradeStationServer Ts { get; private set; } = null!;

    internal BotApiServer Bot { get; private set; } = null!;

    protected DateOnly Expiration { get; } = FridayBetween(35, 41);

    protected string Keys { get; } = Directory.CreateTempSubdirectory("optauto-e2e-keys-").FullName;

    protected string ShortSymbol => Symbol(Short);

    protected string LongSymbol => Symbol(Long);

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(server);
        Ts = await TradeStationServer.StartAsync();
        Bot = await BotApiServer.StartAsync();
        SeedMarket();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Ts.DisposeAsync();
        await Db.DisposeAsync();
        try
        {
            Directory.Delete(Keys, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind harms nothing
        }
    }

    /// <summary>The option symbol at the server for the put of <paramref name="strike"/>.</summary>
    protected string Symbol(string strike) => string.Create(CultureInfo.InvariantCulture, $"SPY {Expiration:yyMMdd}P{strike}");

    /// <summary>Quotes the two legs (and SPY) anew, traded now: in the chain stream and in the quotes endpoint.</summary>
    protected void Quote(string shortBid, string shortAsk, string longBid, string longAsk)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        Ts.SetQuote(new TsQuote("SPY", "600", "599.99", "600.01", now));
        Ts.SetQuote(new TsQuote(ShortSymbol, shortBid, shortBid, shortAsk, now, "2500"));
        Ts.SetQuote(new TsQuote(LongSymbol, longBid, longBid, longAsk, now, "2500"));
    }

    /// <summary>A process with the whole configuration; <paramref name="more"/> wins.</summary>
    internal OptautoProcess Optauto(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["Broker__Provider"] = "tradestation",
            ["MarketData__Provider"] = "tradestation",
            ["Broker__TradeStation__ClientId"] = TradeStationServer.ClientId,
            ["Broker__TradeStation__ClientSecret"] = TradeStationServer.ClientSecret,
            ["Broker__TradeStation__ApiBaseUrl"] = Ts.ApiBaseUrl,
            ["Broker__TradeStation__TokenUrl"] = Ts.BaseUrl,
            ["Broker__TradeStation__RequestTimeoutSeconds"] = "5",
            ["Broker__TradeStation__KeyRingDirectory"] = Path.Combine(Keys, "keys"),
            ["Broker__TradeStation__TokenFile"] = Path.Combine(Keys, "tradestation-token.bin"),
            ["TRADESTATION_REFRESH_TOKEN"] = TradeStationServer.InitialRefreshToken,
            ["TELEGRAM_BOT_TOKEN"] = BotApiServer.Token,
            ["TELEGRAM_APPROVER_IDS"] = BotHarness.Alice.ToString(CultureInfo.InvariantCulture),
            ["Telegram__ApiBaseUrl"] = Bot.BaseUrl,
            ["Telegram__ChatId"] = BotHarness.ChatId.ToString(CultureInfo.InvariantCulture),
            ["Telegram__CallbackSecret"] = BotHarness.Secret,
            ["Telegram__LongPollSeconds"] = "1",
            ["Telegram__OutboxPollSeconds"] = "1",
            ["Service__Urls"] = "http://127.0.0.1:0",
            ["Service__ApiToken"] = ApiToken,
            ["Jobs__Clustered"] = "false",
            // The market-hours jobs must not act on their own when the tests run in a session (an exit tick closing the
            // position before `exits check` does): New Year's midnight only, a holiday.
            ["Jobs__ExitRulesCron"] = NewYear,
            ["Jobs__MarkToMarketCron"] = NewYear,
            ["Jobs__RiskCheckCron"] = NewYear,
            ["Jobs__ProposeTradesCron"] = NewYear,
            ["Jobs__ExpirationCron"] = NewYear,
            ["Jobs__ScorecardCron"] = NewYear,
            ["Jobs__WeeklyReportCron"] = NewYear,
            ["Jobs__MonthlyReportCron"] = NewYear,
            ["Jobs__OrderRecoveryCron"] = "0/5 * * ? * *",
            ["Execution__AllowOutsideSession"] = "true",
            ["Execution__PollIntervalSeconds"] = "0.3",
            // Far beyond the 4 s walks: a slow restart on a busy machine must not time the recovered order out.
            ["Execution__FillTimeoutSeconds"] = "60",
            ["Execution__PriceWalk__Steps"] = "4",
            ["Execution__PriceWalk__StepSeconds"] = "1",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return new OptautoProcess(Db.ConnectionString, environment);
    }

    /// <summary>Starts <c>optauto run</c> listening on a free port; returns the process and an API client for it.</summary>
    internal (Process Worker, HttpClient Api) StartWorker(OptautoProcess optauto)
    {
        var port = LoopbackPort.Free();
        _worker = optauto;
        var worker = optauto.Start("run", $"--Service:Urls=http://127.0.0.1:{port}");
        var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(90) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return (worker, api);
    }

    protected async Task StopAsync(Process worker)
    {
        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
    }

    /// <summary>Waits up to 60 s for <paramref name="condition"/>; fails at once if the worker died.</summary>
    protected async Task WaitForAsync(Func<Task<bool>> condition, Process? worker, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(150))
        {
            if (await condition())
            {
                return;
            }

            Assert.False(worker?.HasExited ?? false, $"optauto run exited while waiting for {what}:{Environment.NewLine}{WorkerLog()}");
        }

        throw new TimeoutException($"never within 60 s: {what}{Environment.NewLine}{WorkerLog()}");
    }

    /// <summary>The end of what the last worker wrote to stderr (its console log), for a failure message.</summary>
    private string WorkerLog() =>
        string.Join(Environment.NewLine, (_worker?.StartedStderr ?? "").Split(Environment.NewLine).TakeLast(40));

    /// <summary>No token of the broker's (every one contains SECRET) nor the bot's in the worker's console or log files.</summary>
    internal static void AssertNoSecretIn(OptautoProcess optauto)
    {
        var logs = Path.Combine(optauto.WorkDirectory, "logs");
        var written = optauto.StartedStderr + string.Concat((Directory.Exists(logs) ? Directory.GetFiles(logs, "*", SearchOption.AllDirectories) : []).Select(File.ReadAllText));
        Assert.DoesNotContain("SECRET", written, StringComparison.Ordinal);
        Assert.DoesNotContain(BotApiServer.Token, written, StringComparison.Ordinal);
    }

    /// <summary>The server's requests in order, as <c>METHOD path</c>, for assertions that read like the wire.</summary>
    protected IReadOnlyList<string> OrderTraffic() =>
        [.. Ts.Requests.Where(r => r.Path.Contains("/orderexecution/", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Path[(r.Path.IndexOf("/orderexecution/", StringComparison.Ordinal) + 16)..]}")];

    private void SeedMarket()
    {
        Quote("4.00", "4.10", "2.20", "2.30");
        Ts.SetExpirations("SPY", (string.Create(CultureInfo.InvariantCulture, $"{Expiration:yyyy-MM-dd}T00:00:00Z"), "Monthly"));
        var puts = new (string Strike, string Bid, string Ask, string Delta)[]
        {
            ("570", "1.20", "1.28", "-0.12"), ("575", "1.60", "1.70", "-0.16"), ("580", "2.20", "2.30", "-0.20"),
            ("585", "4.00", "4.10", "-0.25"), ("590", "5.00", "5.10", "-0.31"), ("595", "6.10", "6.20", "-0.38"),
            ("600", "7.40", "7.50", "-0.45"),
        };
        foreach (var (strike, bid, ask, delta) in puts)
        {
            Ts.AddOption(new TsOption(Symbol(strike), "Put", strike, string.Create(CultureInfo.InvariantCulture, $"{Expiration:yyyy-MM-dd}T00:00:00Z"),
                bid, ask, bid, delta, "0.1850", 2500));
        }

        // Sixty sessions of history for the risk model, a gentle walk around 600.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var bars = Enumerable.Range(1, 90).Select(i => today.AddDays(-91 + i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select((d, i) => new TsBar((590m + (i % 7) - (i % 3)).ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}T21:00:00Z")))
            .ToArray();
        Ts.SetBars("SPY", bars);
    }

    private static DateOnly FridayBetween(int from, int to)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Enumerable.Range(from, to - from + 1).Select(today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Friday);
    }
}
