using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Brief;

/// <summary>
/// Gathers the <see cref="MorningBrief"/> from the ports — the open positions, the market data in use (previous close
/// and latest quote of every watchlist and held underlying), the VIX history, the risk report's limits — and queues it
/// for people once per session day. A section whose port fails is named in the brief's problems; the rest still goes.
/// </summary>
public sealed class MorningBriefService(
    PositionManager positions, IMarketData marketData, IVixHistory vix, CurrentRiskReport risk, IAlertQueue alerts, NyseCalendar calendar,
    ExitRuleSettings rules, ProposalSettings screener, MorningBriefSettings settings, TimeProvider clock)
{
    /// <summary>A brief of a past (or later) day is as of this New York time that day: the default schedule's.</summary>
    public static readonly TimeOnly BriefTime = new(9, 0);

    /// <summary>Builds and queues the brief of <paramref name="date"/>; null (nothing sent) when it is not a session.</summary>
    public async Task<MorningBrief?> SendAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (!calendar.IsSession(date))
        {
            return null;
        }

        var brief = await BuildAsync(date, cancellationToken).ConfigureAwait(false);
        await alerts.EnqueueAsync(brief.ToAlert(), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return brief;
    }

    /// <summary>The brief of <paramref name="date"/>: as of now for today, else as of <see cref="BriefTime"/> that day. Positions are those open now.</summary>
    public async Task<MorningBrief> BuildAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = date == MarketTime.DateOf(now);
        var asOf = today ? now : MarketTime.At(date, BriefTime);
        var previous = calendar.PreviousSession(date);
        var problems = new List<string>();

        IReadOnlyList<Position> open = [];
        try
        {
            open = await positions.OpenPositionsAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"open positions could not be read: {e.Message}");
        }

        var symbols = screener.Watchlist.Keys.Select(t => t.ToUpperInvariant()).Concat(open.Select(p => p.Ticker))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var moves = new List<UnderlyingMove>(symbols.Count);
        foreach (var symbol in symbols)
        {
            moves.Add(await MoveAsync(symbol, previous, asOf, cancellationToken).ConfigureAwait(false));
        }

        var spots = moves.Where(m => m.Last is not null).ToDictionary(m => m.Symbol, m => m.Last, StringComparer.Ordinal);
        var held = open.Select(p => OpenPositionBrief.Of(p, spots.GetValueOrDefault(p.Ticker), date, rules, settings)).ToList();
        return new MorningBrief(
            date, asOf, moves, ReadVix(date, previous.Date, problems), held, [.. held.Where(p => p.Expiration == date)],
            ScreenerPlan.Of(screener, date, calendar), await LimitsAsync(today ? null : asOf, problems, cancellationToken).ConfigureAwait(false), problems);
    }

    /// <summary>From the previous session's close (13:00 on an early close, not always 16:00) to <paramref name="asOf"/>.</summary>
    private async Task<UnderlyingMove> MoveAsync(string symbol, TradingSession previous, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        try
        {
            var close = await marketData.GetUnderlyingQuoteAsync(symbol, previous.Close, cancellationToken).ConfigureAwait(false);
            var latest = await marketData.GetUnderlyingQuoteAsync(symbol, asOf, cancellationToken).ConfigureAwait(false);
            return UnderlyingMove.Of(symbol, previous.Date, close, latest);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new UnderlyingMove(symbol, previous.Date, null, null, null, null, null, $"market data failed: {e.Message}");
        }
    }

    private VixReading? ReadVix(DateOnly date, DateOnly previous, List<string> problems)
    {
        try
        {
            var (reading, problem) = VixReading.For(vix.Read(), date, previous);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            return reading;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"VIX: the daily series could not be read: {e.Message}");
            return null;
        }
    }

    /// <summary>The risk report's limits (<c>optauto risk report</c>) with its problems: today's the risk job's current snapshot, another day's as of <paramref name="asOf"/>.</summary>
    private async Task<IReadOnlyList<LimitReading>> LimitsAsync(DateTimeOffset? asOf, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var report = await risk.ReadAsync(asOf, cancellationToken).ConfigureAwait(false);
            problems.AddRange(report.Problems.Select(p => $"risk: {p}"));
            return report.Limits;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"risk limits could not be computed: {e.Message}");
            return [];
        }
    }
}
