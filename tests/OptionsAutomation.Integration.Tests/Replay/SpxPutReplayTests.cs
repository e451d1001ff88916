using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.MarketData;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Replay;

/// <summary>
/// A golden scenario on real quotes: the SPX 2019 chains (tests/data/chains/spx_2019) replayed through the real
/// <see cref="CsvMarketData"/>, <see cref="PositionManager"/>, <see cref="ExitService"/> (marks, rules, a
/// <see cref="PaperBroker"/> close) and <see cref="ExpirationService"/> against a migrated Postgres database.
/// One ~30-delta SPX put expiring 2019-06-21 is sold on 2019-05-20 and evaluated once a day, at 16:00 New York of
/// each file's quote date, which is exactly the CSV quote stamp: every mark is 0 minutes old, so never stale.
/// </summary>
/// <remarks>
/// Choices made here:
/// <list type="bullet">
/// <item>The strike is the SPX (AM-settled root; the subset holds no SPXW rows) put expiring 2019-06-21 whose file
/// |delta| is nearest 0.30 among the rows with a two-sided market (bid &gt; 0 and ask &gt; 0).</item>
/// <item>It is sold at its mid as is. The mid, 28.15, already lies on the 0.05 grid, so rounding to a 0.05 tick
/// would not change it (the test asserts that); selling at the mid also makes the mark of the opening day equal
/// the credit, so the P&amp;L path starts at 0. (Real SPX series above 3.00 trade in 0.10 ticks; this replay does
/// not model that.)</item>
/// <item>The ticker is the contract's underlying, "SPX": <see cref="CreditStrategy.Create"/> accepts 1–6 letters,
/// and the position's leg, SPX 190621P02775000, is then the very contract the CSV index keys its quotes by.</item>
/// <item>The evaluation days are the file dates after 2019-05-20, in order; sessions without a file (2019-06-14,
/// 06-17, 06-18) are not evaluated (there the last quote would be days old, a STALE mark).</item>
/// </list>
/// The rows used (SPX190621P02775000; date, strike, bid, ask, delta, underlying_last), one per file:
/// <code>
/// 2019-05-20 2775.0 27.9  28.4  -0.3048 2840.23   opening day (mid 28.15)
/// 2019-05-21 2775.0 19.8  20.1  -0.2416 2864.37   mid 19.95
/// 2019-05-22 2775.0 19.0  19.3  -0.2433 2859.72   mid 19.15
/// 2019-05-23 2775.0 34.1  34.6  -0.3672 2815.84   mid 34.35
/// 2019-05-24 2775.0 26.7  27.1  -0.3202 2826.06   mid 26.90
/// 2019-05-28 2775.0 29.8  30.3  -0.3616 2814.1    mid 30.05
/// 2019-05-29 2775.0 45.4  45.9  -0.4861 2775.95   mid 45.65
/// 2019-05-30 2775.0 40.4  40.9  -0.4627 2782.87   mid 40.65
/// 2019-05-31 2775.0 52.6  53.2  -0.5595 2756.04   mid 52.90   (21 DTE)
/// 2019-06-03 2775.0 58.9  60.2  -0.6308 2740.21   mid 59.55
/// 2019-06-04 2775.0 28.5  28.9  -0.4038 2796.64   mid 28.70
/// 2019-06-05 2775.0 17.8  18.2  -0.297  2822.61   mid 18.00
/// 2019-06-06 2775.0 10.9  11.3  -0.2108 2845.4    mid 11.10
/// 2019-06-07 2775.0 6.9   7.1   -0.1383 2877.26   mid 7.00
/// 2019-06-10 2775.0 4.0   4.2   -0.0939 2891.7    mid 4.10
/// 2019-06-11 2775.0 4.0   4.2   -0.0983 2883.6    mid 4.10
/// 2019-06-12 2775.0 3.2   3.4   -0.0882 2879.52   mid 3.30
/// 2019-06-13 2775.0 2.1   2.25  -0.0659 2883.44   mid 2.175
/// 2019-06-19 2775.0 0.1   0.2   -0.0071 2928.04   mid 0.15   spread 0.10 = 66.7% of mid > 30%: UNUSABLE
/// 2019-06-20 2775.0 0.05  0.1   -0.0035 2952.07   mid 0.075  spread 0.05 = 66.7% of mid > 30%: UNUSABLE
/// 2019-06-21 2775.0 0.0   0.0    0.0    2957.5    no market (AM-settled, stopped trading on 06-20): UNUSABLE
/// </code>
/// Its neighbours on 2019-05-20: 2770 (26.7/27.2, delta -0.2938, |Δ| off 0.30 by 0.0062), 2780 (29.1/29.6, -0.316,
/// off by 0.0160); 2775 is off by 0.0048, the nearest.
/// </remarks>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SpxPutReplayTests(PostgresServer server) : IAsyncLifetime
{
    private const string Root = "SPX";
    private static readonly DateOnly May20 = new(2019, 5, 20);
    private static readonly DateOnly June21 = new(2019, 6, 21);
    private static readonly TimeOnly FourPm = new(16, 0);

    // 16:00 New York is 20:00Z in May and June (EDT).
    private static readonly DateTimeOffset OpenedAt = new(2019, 5, 20, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Loaded once (about 1.5 s for the 21 files) and shared: the index is read-only.</summary>
    private static readonly CsvMarketData Market = MarketDataFiles.Csv([MarketDataFiles.Spx2019Subset]);

    private readonly RealTimersClock _clock = new(OpenedAt);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>
    /// Default rules (target 50%, CSP stop 2 × credit, exit at 21 DTE, one stop confirmation, marks fresh within
    /// 10 min, spread at most 30% of mid). Credit 28.15 → max profit 2,815.00, target 1,407.50, stop 5,630.00.
    /// P&amp;L at a mark m = (28.15 − m) × 100 (opening fees 0). Day by day:
    /// <code>
    /// 05-21 mark 19.95 P&amp;L   +820.00  DTE 31  HOLD
    /// 05-22 mark 19.15 P&amp;L   +900.00  DTE 30  HOLD   (the best it gets: MFE)
    /// 05-23 mark 34.35 P&amp;L   −620.00  DTE 29  HOLD
    /// 05-24 mark 26.90 P&amp;L   +125.00  DTE 28  HOLD
    /// 05-28 mark 30.05 P&amp;L   −190.00  DTE 24  HOLD
    /// 05-29 mark 45.65 P&amp;L −1,750.00  DTE 23  HOLD
    /// 05-30 mark 40.65 P&amp;L −1,250.00  DTE 22  HOLD
    /// 05-31 mark 52.90 P&amp;L −2,475.00  DTE 21  EXIT 21dte (neither price rule fires: −2,475 is short of the
    ///                                          −5,630 stop and far from the +1,407.50 target; MAE)
    /// </code>
    /// Every spread is under 3% of mid, so every mark is FRESH. The closing order buys the put back at the ask,
    /// 53.20 (improvement 0), commission 0.65 × 1. Realized = (28.15 − 53.20) × 100 − 0.65 = −2,505.65;
    /// pnl_percent = −2,505.65 ÷ 2,815.00 × 100 = −89.0106… → −89.01; LOSS; 8 marks; held 11 days.
    /// </summary>
    [Fact]
    public async Task ThirtyDeltaPut_SoldOnMay20_ExitsAt21DteOnMay31ForALoss()
    {
        var replay = new Replay(_db, _clock, new ExitRuleSettings());

        var put = await PickThirtyDeltaPutAsync();
        Assert.Equal(new OptionContract(Root, June21, OptionRight.Put, 2775m), put.Contract);
        Assert.Equal((27.9m, 28.4m, -0.3048, 2840.23m, OpenedAt), (put.Bid, put.Ask, put.Delta, put.UnderlyingPrice, put.Timestamp));

        var position = await replay.OpenAsync(put);
        Assert.Equal((28.15m, 1407.50m, 5630.00m), (position.EntryPrice, position.ProfitTarget, position.StopLoss));
        Assert.Equal((277500.00m, 274685.00m, 0m), (position.Collateral, position.MaxLoss, position.Fees));

        var (days, last) = await replay.RunAsync();

        Assert.Equal(
            [
                Hold(2019, 5, 21, 19.95m, 820.00m, 31),
                Hold(2019, 5, 22, 19.15m, 900.00m, 30),
                Hold(2019, 5, 23, 34.35m, -620.00m, 29),
                Hold(2019, 5, 24, 26.90m, 125.00m, 28),
                Hold(2019, 5, 28, 30.05m, -190.00m, 24),
                Hold(2019, 5, 29, 45.65m, -1750.00m, 23),
                Hold(2019, 5, 30, 40.65m, -1250.00m, 22),
                new ReplayDay(new DateOnly(2019, 5, 31), MarkQuality.Fresh, ExitDecisionKind.Exit, ExitReason.DaysToExpiry, 52.90m, -2475.00m, 21),
            ],
            days);
        Assert.Null(last.OrderError);

        var closeAt = new DateTimeOffset(2019, 5, 31, 20, 0, 0, TimeSpan.Zero);
        var trade = Assert.IsType<ClosedPosition>(last.Closed).Trade;
        Assert.Equal(
            (ExitReason.DaysToExpiry, PositionStatus.Closed, closeAt, 53.20m, 0.65m, -2505.65m, -89.01m, TradeOutcome.Loss, ExecutedBy.Auto),
            (trade.ExitReason, trade.Status, trade.ExitDate, trade.ExitPrice, trade.Fees, trade.PnlRealized, trade.PnlPercent, trade.WinLoss, trade.ExecutedBy));

        // The stored round trip is the same one, exactly once.
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        var history = Assert.Single(await replay.Positions.HistoryAsync(null, null));
        Assert.Equal(
            (position.PositionId, "SPX", 28.15m, 53.20m, -2505.65m, -89.01m, TradeOutcome.Loss, ExitReason.DaysToExpiry, OpenedAt, closeAt),
            (history.PositionId, history.Ticker, history.EntryPrice, history.ExitPrice, history.PnlRealized, history.PnlPercent, history.WinLoss,
                history.ExitReason, history.EntryDate, history.ExitDate));

        // The position keeps the last mark (05-31, persisted before the close) and its excursions.
        var closed = (await replay.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(
            (PositionStatus.Closed, 53.20m, -2505.65m, 11, 52.90m, closeAt, -2475.00m, 900.00m, 0),
            (closed.Status, closed.ExitPrice, closed.RealizedPnl, closed.DaysHeld, closed.MarkPrice, closed.MarkedAt, closed.Mae, closed.Mfe, closed.StopBreaches));

        // One closing order and fill at the ask; the exit alert is the only message (no mark was ever STALE or UNUSABLE).
        Assert.Equal(1, await _db.CountAsync("orders", $"position_id = {position.PositionId} AND intent = 'CLOSE' AND reason = '21dte' AND status = 'FILLED' AND fill_price = 53.20 AND fees = 0.65"));
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId} AND symbol = 'SPX   190621P02775000' AND side = 'BUY' AND quantity = 1 AND price = 53.20"));
        Assert.Equal(1, await _db.CountAsync("outbox"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"dedup_key = 'exit:{position.PositionId}' AND payload->>'kind' = 'exit' AND payload->>'text' = 'Position {position.PositionId} exited — SPX CSP — 21dte — -$2,505.65 (-89.01%)'"));
    }

    /// <summary>
    /// The same trade with the 21-DTE rule pushed to expiration day (ExitAtDaysToExpiry 0, its minimum) and the
    /// target at 100% of max profit (ProfitTargetFraction 1.0, reachable only at a mark of 0), so the position lives
    /// through every file and reaches <see cref="ExpirationService"/>, which needs an SPX close stamped 2019-06-21:
    /// the chains' underlying_last of 06-21, 2957.5, stamped 16:00 New York.
    /// <code>
    /// 05-21 … 06-13  17 FRESH marks, all HOLD: best +2,597.50 on 06-13 (mark 2.175) below the 2,815.00 target,
    ///                worst −3,140.00 on 06-03 (mark 59.55) short of the −5,630.00 stop
    /// 06-19          UNUSABLE: spread 0.10 is 66.7% of the 0.15 mid (limit 30%); DTE 2 → price rules skipped
    /// 06-20          UNUSABLE: spread 0.05 is 66.7% of the 0.075 mid; DTE 1
    /// 06-21 16:00    UNUSABLE (bid 0, no ask: AM-settled SPX stopped trading on 06-20); DTE 0 fires 21dte without a
    ///                price, and the paper broker rejects the closing order (no two-sided quote): still OPEN
    /// 06-21 16:15    settled against the 2957.5 close: 2775 − 2957.5 &lt; 0.01 → expired worthless, exit 0,
    ///                realized (28.15 − 0) × 100 = +2,815.00, 100%, WIN, closed at the 16:00 close; 20 marks
    /// </code>
    /// (Real SPX puts expiring 06-21 settle on that morning's special opening quotation, not the 16:00 close the
    /// service uses; at 2957.5 against a 2775 strike the outcome is the same.)
    /// </summary>
    [Fact]
    public async Task SamePut_WithoutEarlierExits_ExpiresWorthlessAgainstTheSpxCloseOfJune21()
    {
        var replay = new Replay(_db, _clock, new ExitRuleSettings { ExitAtDaysToExpiry = 0, ProfitTargetFraction = 1.0m });
        var position = await replay.OpenAsync(await PickThirtyDeltaPutAsync());
        Assert.Equal((28.15m, 2815.00m, 5630.00m), (position.EntryPrice, position.ProfitTarget, position.StopLoss));

        var (days, last) = await replay.RunAsync();

        Assert.Equal(
            [
                Hold(2019, 5, 21, 19.95m, 820.00m, 31),
                Hold(2019, 5, 22, 19.15m, 900.00m, 30),
                Hold(2019, 5, 23, 34.35m, -620.00m, 29),
                Hold(2019, 5, 24, 26.90m, 125.00m, 28),
                Hold(2019, 5, 28, 30.05m, -190.00m, 24),
                Hold(2019, 5, 29, 45.65m, -1750.00m, 23),
                Hold(2019, 5, 30, 40.65m, -1250.00m, 22),
                Hold(2019, 5, 31, 52.90m, -2475.00m, 21),
                Hold(2019, 6, 3, 59.55m, -3140.00m, 18),
                Hold(2019, 6, 4, 28.70m, -55.00m, 17),
                Hold(2019, 6, 5, 18.00m, 1015.00m, 16),
                Hold(2019, 6, 6, 11.10m, 1705.00m, 15),
                Hold(2019, 6, 7, 7.00m, 2115.00m, 14),
                Hold(2019, 6, 10, 4.10m, 2405.00m, 11),
                Hold(2019, 6, 11, 4.10m, 2405.00m, 10),
                Hold(2019, 6, 12, 3.30m, 2485.00m, 9),
                Hold(2019, 6, 13, 2.175m, 2597.50m, 8),
                new ReplayDay(new DateOnly(2019, 6, 19), MarkQuality.Unusable, ExitDecisionKind.Unusable, null, 0.15m, null, 2),
                new ReplayDay(new DateOnly(2019, 6, 20), MarkQuality.Unusable, ExitDecisionKind.Unusable, null, 0.075m, null, 1),
                new ReplayDay(June21, MarkQuality.Unusable, ExitDecisionKind.Exit, ExitReason.DaysToExpiry, null, null, 0),
            ],
            days);
        Assert.Null(last.Closed);
        Assert.Equal("no two-sided quote for SPX   190621P02775000", last.OrderError);

        // An unusable mark keeps the last good one (06-13).
        var open = (await replay.Positions.FindAsync(position.PositionId))!;
        Assert.Equal((PositionStatus.Open, 2.175m, 2597.50m, -3140.00m, 2597.50m), (open.Status, open.MarkPrice, open.UnrealizedPnl, open.Mae, open.Mfe));

        // The SPX close of 06-21 the settlement needs: the chains' underlying_last, stamped that day at 16:00 New York.
        var close = MarketTime.At(June21, FourPm);
        var spx = await Market.GetUnderlyingQuoteAsync(Root, close, CancellationToken.None);
        Assert.Equal((Root, 2957.5m, close), (spx?.Symbol, spx?.Last, spx?.Timestamp));

        _clock.SetUtcNow(close.AddMinutes(15));
        var result = Assert.Single(await replay.Expirations.SettleAsync(June21, CancellationToken.None));

        Assert.Null(result.Error);
        Assert.Null(result.SharesPositionId);
        var trade = Assert.IsType<ClosedPosition>(result.Closed).Trade;
        Assert.Equal(
            (ExitReason.Expired, PositionStatus.Expired, close, 0m, 0m, 2815.00m, 100.00m, TradeOutcome.Win),
            (trade.ExitReason, trade.Status, trade.ExitDate, trade.ExitPrice, trade.Fees, trade.PnlRealized, trade.PnlPercent, trade.WinLoss));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
        Assert.Equal(0, await _db.CountAsync("positions", "strategy_type = 'STOCK'"));

        // Messages: one UNUSABLE mark alert a day (06-19, 06-20, 06-21), the failed close, the expiration.
        Assert.Equal(5, await _db.CountAsync("outbox"));
        Assert.Equal(3, await _db.CountAsync("outbox", "payload->>'kind' = 'mark_unusable'"));
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'exit_failed'"));
        Assert.Equal(1, await _db.CountAsync("outbox",
            $"dedup_key = 'expiration:{position.PositionId}' AND payload->>'text' = 'Position {position.PositionId} expired worthless — SPX CSP — exit 0.00 — +$2,815.00'"));
    }

    /// <summary>The SPX put expiring 06-21 with a two-sided market whose file |delta| is nearest 0.30, from the 05-20 16:00 chain.</summary>
    private static async Task<OptionQuote> PickThirtyDeltaPutAsync()
    {
        var chain = await Market.GetChainAsync(Root, OpenedAt, CancellationToken.None);
        Assert.NotNull(chain);
        Assert.Equal((Root, 2840.23m, OpenedAt), (chain.Underlying, chain.UnderlyingPrice, chain.Timestamp));

        var ranked = chain.Quotes
            .Where(q => q.Contract is { Right: OptionRight.Put } c && c.Expiration == June21)
            .Where(q => q is { Bid: > 0m, Ask: > 0m, Delta: not null } && q.Bid <= q.Ask)
            .OrderBy(q => Math.Abs(Math.Abs(q.Delta!.Value) - 0.30))
            .ToList();
        Assert.True(ranked.Count >= 2, "the 05-20 chain should hold two-sided SPX puts expiring 06-21");

        // No tie: the runner-up (2770, 0.0062 off) is further from 0.30 than the pick (2775, 0.0048 off).
        Assert.True(Math.Abs(Math.Abs(ranked[0].Delta!.Value) - 0.30) < Math.Abs(Math.Abs(ranked[1].Delta!.Value) - 0.30));
        return ranked[0];
    }

    private static ReplayDay Hold(int year, int month, int day, decimal mark, decimal pnl, int dte) =>
        new(new DateOnly(year, month, day), MarkQuality.Fresh, ExitDecisionKind.Hold, null, mark, pnl, dte);

    /// <summary>One evaluation: the mark's quality, the decision, the mark price and its unrealized P&amp;L (null when not fresh).</summary>
    private sealed record ReplayDay(
        DateOnly Date, MarkQuality Quality, ExitDecisionKind Decision, ExitReason? Reason, decimal? Mark, decimal? UnrealizedPnl, int DaysToExpiry);

    /// <summary>The exit and expiration services wired as the worker wires them, on the CSV replay and a paper broker.</summary>
    private sealed class Replay
    {
        private readonly RealTimersClock _clock;
        private readonly ExitService _exits;

        public Replay(TestDatabase db, RealTimersClock clock, ExitRuleSettings rules)
        {
            _clock = clock;
            var store = db.Store(clock);
            var alerts = new PostgresAlertQueue(db.DataSource);
            var marks = new MarkToMarketService(store, new PostgresMarkLedger(db.DataSource), new PositionValuer(Market, rules), new GreeksEstimator(new PricingSettings()), clock);
            var broker = new PaperBroker(db.DataSource, Market, new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0m }, clock);
            Positions = db.Positions(clock, rules);
            var journal = new PostgresTradingJournal(db.DataSource, NullLogger<PostgresTradingJournal>.Instance);
            _exits = new ExitService(store, marks, new PostgresCloseLedger(db.DataSource), journal, alerts, new OrderExecutor(broker, Exits.ExitHarness.Unwalked, new AdvancingDelay(clock), clock, journal),
                db.Controls(), new KeyedGate(), rules,
                new Core.Calendar.NyseCalendar(), Exits.ExitHarness.Unwalked, new PriceWalkPlanner(Market, Exits.ExitHarness.Unwalked, new ProposalSettings()), clock);
            Expirations = new ExpirationService(store, Market, journal, alerts, new NyseCalendar(), clock);
        }

        public PositionManager Positions { get; }

        public ExpirationService Expirations { get; }

        /// <summary>Sells one contract of <paramref name="put"/> at its mid, opened at 05-20 16:00 New York, no fees.</summary>
        public async Task<Position> OpenAsync(OptionQuote put)
        {
            var credit = put.Mid!.Value;
            Assert.Equal(0m, credit % 0.05m); // on the 0.05 grid: "mid as is" and "mid rounded to 0.05" agree

            _clock.SetUtcNow(OpenedAt);
            var opened = await Positions.OpenAsync(new OpenPositionRequest
            {
                RequestId = "replay-spx-2019-05-20",
                Strategy = StrategyType.CashSecuredPut,
                Ticker = put.Contract.Underlying,
                Expiration = put.Contract.Expiration,
                ShortStrike = put.Contract.Strike,
                Credit = credit,
                Quantity = 1,
                Fees = 0m,
                OpenedAt = OpenedAt,
                Actor = "replay",
            });

            Assert.True(opened.Created);
            Assert.Empty(opened.Warnings);
            Assert.Equal(put.Contract, Assert.Single(opened.Position.Legs).Contract);
            return opened.Position;
        }

        /// <summary>One exit run at 16:00 New York of each file date after the open, in order, until the position closes.</summary>
        public async Task<(IReadOnlyList<ReplayDay> Days, ExitCheck Last)> RunAsync()
        {
            var days = new List<ReplayDay>();
            ExitCheck? last = null;
            foreach (var date in FileDates().Where(d => d > May20))
            {
                var at = MarketTime.At(date, FourPm);
                _clock.SetUtcNow(at);
                last = Assert.Single(await _exits.RunAsync(at, execute: true, CancellationToken.None));
                var decision = last.Decision;
                days.Add(new ReplayDay(date, last.Position.MarkStatus!.Value, decision.Decision, decision.Reason, decision.MarkPrice, decision.UnrealizedPnl,
                    decision.DaysToExpiry));
                if (last.Closed is not null)
                {
                    break;
                }
            }

            return (days, last ?? throw new InvalidOperationException("no file dated after 2019-05-20"));
        }

        /// <summary>The quote dates of the chain files, from their names (SPX_yyyyMMdd.csv).</summary>
        private static IReadOnlyList<DateOnly> FileDates()
        {
            List<DateOnly> dates = [.. Directory.GetFiles(MarketDataFiles.Spx2019Subset, "SPX_*.csv")
                .Select(p => DateOnly.ParseExact(Path.GetFileNameWithoutExtension(p)["SPX_".Length..], "yyyyMMdd", CultureInfo.InvariantCulture))
                .Order()];
            Assert.Equal(21, dates.Count);
            Assert.Equal((May20, June21), (dates[0], dates[^1]));
            return dates;
        }
    }
}
