using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.InMemory;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// Replays NYSE sessions through the worker's own use cases on the in-memory book; it has no rule of its own. Each
/// session, on a simulated clock, in the worker's order and inside the quote's freshness window
/// (<see cref="BacktestMarketData.QuoteTime"/> = Q, 10 minutes before the close): marks at Q, the exit rules at Q+1 min,
/// the morning screen (screener, sizing, risk gate) at Q+2, approvals at Q+3 (all, or the share
/// <see cref="ApprovalDraw"/> picks; the rest rejected) through the paper fill model, marks again at Q+6 so a position
/// opened today is valued, and expirations 15 minutes after the close (the worker's 16:15 job). Then the session's
/// equity: cash (starting equity, realized P&amp;L, <see cref="CashInterest"/>) plus open positions at their last mark.
/// Where the worker waits for a person, the engine stands in, and says so in every report: approvals, a tripped circuit
/// breaker reset at the next session (<see cref="BacktestSettings.ResetBreakerNextSession"/>), assigned shares sold.
/// The <c>ml</c> sizing reads the history's VIX closes and <paramref name="models"/> (none: it falls back to <c>fixed</c>).
/// </summary>
public sealed class BacktestEngine(MarketHistory history, IMarketData? realChains, TradingSettings settings, PaperBrokerSettings paper, ISizingModels? models = null)
{
    public const string Approver = "backtest";
    private const string NotDrawn = "not drawn: the backtest approves only Backtest:ApprovalShare of proposals";

    private readonly NyseCalendar _calendar = new();

    /// <summary>The sessions a run replays.</summary>
    public IReadOnlyList<TradingSession> Sessions(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _calendar.Sessions(run.From, run.To);
    }

    /// <summary>Sessions of the run the history cannot price (no bar, VIX close or rate): a run over them is refused.</summary>
    public IReadOnlyList<DateOnly> Uncovered(BacktestRun run) =>
        [.. Sessions(run).Where(s => history.DayOn(s.Date) is null).Select(s => s.Date)];

    /// <param name="run">What to replay.</param>
    /// <param name="progress">Told the number of sessions done after each one.</param>
    /// <param name="cancellationToken">Stops the replay between two steps; nothing is returned.</param>
    public async Task<BacktestResult> RunAsync(BacktestRun run, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sessions = Sessions(run);
        if (sessions.Count == 0)
        {
            throw new ArgumentException($"no NYSE session from {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd}.", nameof(run));
        }

        if (Uncovered(run) is [var first, ..])
        {
            throw new ArgumentException($"the market history has no close, VIX or rate for {first:yyyy-MM-dd}.", nameof(run));
        }

        var tradingSettings = ForUnderlying(run.Underlying, run.Settings.Strategies);
        var market = new BacktestMarketData(history, new SyntheticChainModel(ChainModelParameters.Spy2021, _calendar), _calendar, run.Underlying, realChains);
        var clock = new SimulatedClock(BacktestMarketData.QuoteTime(sessions[0]) - TimeSpan.FromMinutes(1));
        var book = new InMemoryBook(tradingSettings, paper with { StartingEquity = run.StartingEquity }, market, clock, (models ?? NoSizingModels.Instance, history.Vix));
        var services = book.Services;
        var equity = new List<SessionEquity>(sessions.Count);
        var denials = new SortedDictionary<ScreenDenialCode, int>();
        var (proposals, approved, rejected, breakerResets, settlementErrors) = (0, 0, 0, 0, 0);
        var interest = 0m;
        (DateOnly Date, decimal Cash, double Rate)? previous = null;
        foreach (var session in sessions)
        {
            // The in-memory ports finish synchronously and never look at the token: stop between sessions.
            cancellationToken.ThrowIfCancellationRequested();
            var q = BacktestMarketData.QuoteTime(session);
            if (run.Settings.ResetBreakerNextSession && (await book.Controls.GetAsync(cancellationToken).ConfigureAwait(false)).Breaker.IsTripped)
            {
                breakerResets++;
                await services.Controls.ResetBreakerAsync(Approver, At(clock, q), cancellationToken).ConfigureAwait(false);
            }

            await services.Marks.MarkAllAsync(At(clock, q), cancellationToken).ConfigureAwait(false);
            await services.Exits.RunAsync(At(clock, q.AddMinutes(1)), execute: true, cancellationToken).ConfigureAwait(false);
            await SellAssignedSharesAsync(book, market, session, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var screen = await services.Proposals.RunAsync(At(clock, q.AddMinutes(2)), cancellationToken).ConfigureAwait(false);
            foreach (var denial in screen.Denials)
            {
                denials[denial.Code] = denials.GetValueOrDefault(denial.Code) + 1;
            }

            At(clock, q.AddMinutes(3));
            foreach (var proposal in screen.Proposals.Where(p => p.Status == ProposalStatus.Proposed))
            {
                proposals++;
                if (ApprovalDraw.Approves(run.Settings.ApprovalShare, run.Settings.Seed, proposal.RequestId))
                {
                    approved++;
                    await services.Approvals.ApproveAsync(proposal.RequestId, Approver, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    rejected++;
                    await services.Approvals.RejectAsync(proposal.RequestId, Approver, NotDrawn, cancellationToken).ConfigureAwait(false);
                }
            }

            await services.Marks.MarkAllAsync(At(clock, q.AddMinutes(6)), cancellationToken).ConfigureAwait(false);
            At(clock, session.Close.AddMinutes(15));
            settlementErrors += (await services.Expirations.SettleAsync(session.Date, cancellationToken).ConfigureAwait(false)).Count(r => r.Error is not null);

            var realized = (await book.Account.GetEquityAsync(cancellationToken).ConfigureAwait(false) ?? run.StartingEquity) - run.StartingEquity;
            var credited = previous is { } p ? CashInterest.Between(p.Cash, p.Rate, p.Date, session.Date) : 0m;
            interest += credited;
            var open = await book.Positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
            var unrealized = open.Sum(o => o.UnrealizedPnl ?? 0m);
            var cash = run.StartingEquity + realized + interest;
            var rate = history.RateOn(session.Date)?.ContinuousRate ?? 0.0;
            equity.Add(new SessionEquity(session.Date, Plain(cash + unrealized), Plain(realized), Plain(unrealized), credited, await market.IsRealAsync(session, cancellationToken).ConfigureAwait(false)));
            previous = (session.Date, cash, rate);
            progress?.Report(equity.Count);
        }

        var controls = await book.Controls.GetAsync(cancellationToken).ConfigureAwait(false);
        var stillOpen = await book.Positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var closed = await book.Positions.HistoryAsync(null, null, cancellationToken).ConfigureAwait(false);
        var trades = new List<BacktestTrade>(closed.Count);
        var sizings = new Dictionary<string, PositionSizingResult>();
        foreach (var record in closed.OrderBy(t => t.ClosedAt).ThenBy(t => t.TradeId))
        {
            var position = await book.Positions.FindAsync(record.PositionId, cancellationToken).ConfigureAwait(false);
            trades.Add(TradeOf(record, position));
            if ((await book.Proposals.FindAsync(record.RequestId, cancellationToken).ConfigureAwait(false))?.Sizing is { } sizing)
            {
                sizings[record.RequestId] = sizing;
            }
        }

        var stats = BacktestStats.Of(run.StartingEquity, sessions[0].Date.AddDays(-1), equity, closed);
        return new BacktestResult(run, tradingSettings, equity, trades, stats, new BacktestActivity(proposals, approved, rejected, breakerResets, denials, settlementErrors, stillOpen.Count, controls))
        {
            Sizings = sizings,
        };
    }

    /// <summary>
    /// The worker leaves assigned shares to a person (<c>positions close</c>); a backtest has none, so shares assigned at
    /// an earlier close are sold at this session's quote and recorded as that person's close (reason manual, no
    /// commission), freeing the ticker for the screen. Without it one assignment would end the run's trading.
    /// </summary>
    private static async Task SellAssignedSharesAsync(InMemoryBook book, BacktestMarketData market, TradingSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await book.Positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        foreach (var shares in open.Where(p => !p.IsOption && MarketTime.DateOf(p.EntryDate) < session.Date))
        {
            var quote = await market.GetUnderlyingQuoteAsync(shares.Ticker, now, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"no {shares.Ticker} close on {session.Date:yyyy-MM-dd} to sell assigned shares at.");
            await book.Services.Positions.CloseAsync(shares.PositionId,
                new PositionExit(quote.Last, ExitReason.Manual, now, ExecutedBy.Manual, Approver), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The watchlist cut to the run's underlying (the market knows no other), trading <paramref name="only"/> when it
    /// names strategies (<see cref="BacktestSettings.Strategies"/>).
    /// </summary>
    /// <exception cref="ArgumentException">when the watchlist has no strategy for it.</exception>
    private TradingSettings ForUnderlying(string underlying, IReadOnlyList<string> only)
    {
        var strategies = only.Count > 0 ? only : settings.Proposals.Watchlist
            .Where(w => string.Equals(w.Key, underlying, StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Value)
            .FirstOrDefault() ?? throw new ArgumentException($"{ProposalSettings.SectionName}:Watchlist has no strategy for {underlying}.", nameof(underlying));
        return settings with
        {
            Proposals = settings.Proposals with { Watchlist = new Dictionary<string, IReadOnlyList<string>> { [underlying] = strategies } },
        };
    }

    private static DateTimeOffset At(SimulatedClock clock, DateTimeOffset instant)
    {
        // An order's polls may have moved the clock past the next step's time; it never goes back.
        if (instant > clock.GetUtcNow())
        {
            clock.SetUtcNow(instant);
        }

        return clock.GetUtcNow();
    }

    private static BacktestTrade TradeOf(TradeRecord record, Position? position) => new(
        record.PositionId,
        record.RequestId,
        record.Ticker,
        record.StrategyType,
        MarketTime.DateOf(record.EntryDate),
        MarketTime.DateOf(record.ExitDate),
        position?.Expiration,
        position?.ShortStrike is { } shortStrike ? Plain(shortStrike) : null,
        position?.LongStrike is { } longStrike ? Plain(longStrike) : null,
        record.Quantity,
        Plain(record.EntryPrice),
        Plain(record.ExitPrice),
        record.ExitReason,
        Plain(record.Fees),
        Plain(record.PnlRealized),
        MarketTime.DateOf(record.ExitDate).DayNumber - MarketTime.DateOf(record.EntryDate).DayNumber);

    /// <summary>
    /// The value without trailing zeros (3.740 → 3.74, 370.0 → 370): the book keeps Core's scales, which vary with the
    /// arithmetic that made a value, and a report should not print them.
    /// </summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}
