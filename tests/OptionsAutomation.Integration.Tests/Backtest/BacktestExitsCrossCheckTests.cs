using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.MarketData;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Backtest;

/// <summary>
/// The backtest's exits are the worker's: the engine (default settings, SPY, the real 2021 chain) runs from 2021-03-01,
/// and on each session of the week 2021-03-15 → 03-19 the positions it held before its exit step are recorded in a
/// Postgres database of their own and <c>optauto exits check --at</c> (the engine's exit instant) <c>--dry-run --json</c>
/// runs as a child process over the same chain file through the CSV provider. Its decision and reason per position must
/// be the engine's: the position closed that session with that reason, or did not close.
/// <para>
/// Same quotes on both sides: the CSV provider takes the file's quotes to be the market 10 minutes before the close
/// (<c>MarketData:Csv:MinutesBeforeClose</c>), as the backtest does; and the week is one where the real file lists
/// every leg of every open position on every session (asserted), so the engine priced none of them with its model.
/// </para>
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class BacktestExitsCrossCheckTests(PostgresServer server) : CliTestBase(server)
{
    private static readonly string Market = Path.Combine(RepositoryRoot.Path, "data", "market");
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly From = new(2021, 3, 1);
    private static readonly DateOnly WeekStart = new(2021, 3, 15);
    private static readonly DateOnly WeekEnd = new(2021, 3, 19);

    /// <summary>
    /// Run to the end of March, so every position open during the week has closed and is in the trade list (a position
    /// still open at the end of a run is not). Later sessions cannot change earlier ones: the engine only goes forward.
    /// </summary>
    private static readonly Lazy<Task<BacktestResult>> Run = new(() => new BacktestEngine(
            MarketHistoryFiles.Load(Market), RealChains(), new TradingSettings
            {
                Proposals = new() { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP", "VPC"] } },
            }, new PaperBrokerSettings())
        .RunAsync(new BacktestRun(From, new DateOnly(2021, 3, 31), "SPY", 100_000m, new BacktestSettings()), null, CancellationToken.None));

    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["MarketData__Provider"] = "csv",
        ["MarketData__Csv__ChainFiles__0"] = MarketDataFiles.SpyOptions2021,
        ["MarketData__Csv__MinutesBeforeClose"] = BacktestMarketData.BeforeClose.TotalMinutes.ToString(CultureInfo.InvariantCulture),
    };

    public static TheoryData<DateOnly> Week => [.. Calendar.Sessions(WeekStart, WeekEnd).Select(s => s.Date)];

    [Fact]
    public async Task TheWeek_HasAnExitAndAHold_AndEveryLegOnTheRealChain()
    {
        var result = await Run.Value;
        var held = Calendar.Sessions(WeekStart, WeekEnd).SelectMany(s => HeldBeforeExits(result, s.Date).Select(t => (Session: s.Date, Trade: t))).ToList();

        Assert.Equal(5, Calendar.Sessions(WeekStart, WeekEnd).Count);
        Assert.Contains(held, h => h.Trade.ExitDate == h.Session && h.Trade.Reason == Core.Exits.ExitReason.ProfitTarget);
        Assert.Contains(held, h => h.Trade.ExitDate != h.Session);
        Assert.Contains(held, h => h.Trade.Strategy == StrategyType.VerticalPutCredit);
        var chains = RealChains();
        foreach (var (session, trade) in held)
        {
            foreach (var strike in Strikes(trade))
            {
                var quote = await chains.GetOptionQuoteAsync(new OptionContract("SPY", trade.Expiration!.Value, OptionRight.Put, strike), Calendar.SessionOn(session)!.Close, CancellationToken.None);
                Assert.True(quote is not null && MarketTime.DateOf(quote.Timestamp) == session, $"{session}: the real chain does not list the {trade.Expiration} {strike} put of {trade.RequestId}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Week))]
    public async Task OnEachSession_ExitsCheckAtTheEnginesExitInstant_DecidesWhatTheEngineDid(DateOnly date)
    {
        var result = await Run.Value;
        var session = Calendar.SessionOn(date)!;
        var exitStep = BacktestMarketData.QuoteTime(session).AddMinutes(1);
        var held = HeldBeforeExits(result, date);
        Assert.NotEmpty(held);
        var seeded = new Dictionary<long, BacktestTrade>();
        foreach (var trade in held)
        {
            seeded[(await SeedAsync(trade, Calendar.SessionOn(trade.EntryDate)!)).PositionId] = trade;
        }

        var run = (await Cli.RunAsync("exits", "check", "--at", exitStep.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "--dry-run", "--json")).Succeeded();

        var rows = run.Json().Items();
        Assert.Equal(seeded.Keys.Order(), rows.Select(r => r.Int("position_id")).Order());
        foreach (var row in rows)
        {
            var trade = seeded[row.Int("position_id")];
            var because = $"{date}: {trade.RequestId} (engine: closed {trade.ExitDate} {trade.Reason.ToCode()} at {trade.ExitPrice}){Environment.NewLine}{run}";
            Assert.Equal(trade.Expiration!.Value.DayNumber - date.DayNumber, (int)row.Int("days_to_expiry"));
            if (trade.ExitDate == date)
            {
                Assert.True((row.Str("decision"), row.Str("reason")) == ("EXIT", trade.Reason.ToCode()), because);
                // The same quotes on both sides: the engine's close filled within a cent of the CLI's mark (the mid, 1.845
                // on 03-17; the order's limit is on the penny tick, 1.85).
                Assert.True(Math.Abs(row.Dec("mark_price") - trade.ExitPrice) < 0.01m, because);
            }
            else
            {
                Assert.True(row.Str("decision") == "HOLD", because);
            }
        }
    }

    /// <summary>The engine's positions open before its exit step on <paramref name="date"/>: opened on an earlier session, not yet closed.</summary>
    private static List<BacktestTrade> HeldBeforeExits(BacktestResult result, DateOnly date) =>
        [.. result.Trades.Where(t => t.EntryDate < date && t.ExitDate >= date)];

    /// <summary>
    /// Records the engine's position as <c>positions add</c> would, opened at the engine's approval step: its credit,
    /// quantity and opening commission (half the round trip's: the paper model charges the same per contract each way),
    /// so its profit target and stop are the engine's.
    /// </summary>
    private async Task<Position> SeedAsync(BacktestTrade trade, TradingSession opened)
    {
        var result = await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow)).OpenAsync(new OpenPositionRequest
        {
            RequestId = trade.RequestId,
            Strategy = trade.Strategy,
            Ticker = trade.Ticker,
            Expiration = trade.Expiration!.Value,
            ShortStrike = trade.ShortStrike!.Value,
            LongStrike = trade.LongStrike,
            Credit = trade.Credit,
            Quantity = trade.Quantity,
            Fees = trade.Fees / 2m,
            OpenedAt = BacktestMarketData.QuoteTime(opened).AddMinutes(3),
            Actor = "test-seed",
        });
        Assert.True(result.Created);
        return result.Position;
    }

    private static IEnumerable<decimal> Strikes(BacktestTrade trade) =>
        trade.LongStrike is { } longStrike ? [trade.ShortStrike!.Value, longStrike] : [trade.ShortStrike!.Value];

    private static CsvMarketData RealChains() => MarketHistoryFiles.RealChains(Market, NullLogger<CsvMarketData>.Instance);
}
