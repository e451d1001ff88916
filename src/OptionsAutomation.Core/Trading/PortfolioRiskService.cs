using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Gathers <see cref="PortfolioInputs"/> from the ports — open positions, their leg quotes as of an instant, the
/// underlyings' closes over the last <see cref="PortfolioRiskSettings.HistoryDays"/> sessions, equity and realized
/// P&amp;L — and hands them to <see cref="PortfolioRiskAnalyzer"/>. What cannot be gathered becomes a problem in the
/// report, never a silent zero. The report reads the stored snapshots of earlier days too (<see cref="IRiskHistory"/>),
/// so the job, the CLI and the API see the same daily loss and correlation change.
/// </summary>
public sealed class PortfolioRiskService(
    IPositionStore positions, IMarketData marketData, IAccountEquity account, NyseCalendar calendar,
    PricingSettings pricing, PortfolioRiskSettings settings, PortfolioRiskAnalyzer analyzer, IRiskHistory snapshots)
{
    public Task<PortfolioRiskReport> ReportAsync(DateTimeOffset asOf, CancellationToken cancellationToken) => ReportAsync(asOf, null, cancellationToken);

    /// <summary>
    /// The report as of <paramref name="asOf"/>; with <paramref name="memory"/> (the risk job's), the past sessions' closes
    /// and the realized trades come from it and only what changed is read. Without it everything is read afresh (the CLI,
    /// <c>risk report --at</c>, the API before any snapshot is stored).
    /// </summary>
    public async Task<PortfolioRiskReport> ReportAsync(DateTimeOffset asOf, RiskMemory? memory, CancellationToken cancellationToken)
    {
        memory?.StartDay(MarketTime.DateOf(asOf));
        // Correlations move once a day (daily closes), and the daily loss runs from the previous close: both compare
        // with the last snapshot of an earlier New York day.
        var previous = await snapshots.LatestBeforeAsync(MarketTime.At(MarketTime.DateOf(asOf), TimeOnly.MinValue), cancellationToken).ConfigureAwait(false);
        var inputs = await GatherAsync(asOf, memory, cancellationToken).ConfigureAwait(false) with
        {
            CorrelationReference = previous?.Correlations,
            OpeningEquity = previous?.Equity,
        };
        return analyzer.Report(inputs);
    }

    public async Task<(PortfolioInputs Inputs, IReadOnlyList<StressResult> Results)> StressAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var inputs = await GatherAsync(asOf, null, cancellationToken).ConfigureAwait(false);
        return (inputs, analyzer.Stress(inputs));
    }

    /// <summary>
    /// Correlations of <paramref name="underlyings"/> over the report's history (the gate's correlation check); those
    /// without history are left out, and with fewer than <see cref="PortfolioRiskSettings.MinHistoryReturns"/> common daily
    /// returns there is no model (null: the gate does not judge correlation on no evidence).
    /// </summary>
    public async Task<CovarianceModel?> CorrelationsAsync(IEnumerable<string> underlyings, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var symbols = underlyings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var history = symbols.Count == 0 ? null : await HistoryAsync(symbols, MarketTime.DateOf(asOf), null, cancellationToken).ConfigureAwait(false);
        return history is { } h && h.Days >= settings.MinHistoryReturns ? new CovarianceModel(h, [.. symbols.Where(h.Covers)]) : null;
    }

    /// <summary>
    /// The open positions' dollar delta per underlying as of <paramref name="asOf"/> (what a new trade's VaR adds to);
    /// null when one of them cannot be priced, since a VaR without it would understate the book.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>?> DeltaDollarsAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var position in await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false))
        {
            if (await PriceAsync(position, asOf, cancellationToken).ConfigureAwait(false) is not { } risk)
            {
                return null;
            }

            sums[risk.Underlying] = sums.GetValueOrDefault(risk.Underlying) + analyzer.DeltaDollars(risk);
        }

        return sums;
    }

    private async Task<PortfolioInputs> GatherAsync(DateTimeOffset asOf, RiskMemory? memory, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var priced = new List<RiskPosition>(open.Count);
        foreach (var position in open)
        {
            var risk = await PriceAsync(position, asOf, cancellationToken).ConfigureAwait(false);
            if (risk is null)
            {
                problems.Add($"position {position.PositionId} ({position.Ticker} {position.StrategyType.ToCode()}) has no usable quotes as of {asOf:O}: left out.");
                continue;
            }

            priced.Add(risk);
        }

        var underlyings = priced.Select(p => p.Underlying).Append(settings.BetaBenchmark).Distinct(StringComparer.Ordinal).ToList();
        var history = await HistoryAsync(underlyings, MarketTime.DateOf(asOf), memory, cancellationToken).ConfigureAwait(false);
        var realized = await RealizedAsync(asOf, memory, cancellationToken).ConfigureAwait(false);
        var accountEquity = await account.GetEquityAsync(cancellationToken).ConfigureAwait(false);
        if (accountEquity is null)
        {
            problems.Add("the account's equity is unknown: drawdown, VaR shares and the marked-to-market daily loss are not judged.");
        }

        var realizedEquity = accountEquity ?? 0m;
        // A position left out for want of quotes keeps its last stored unrealized P&L in equity: dropping it would
        // move equity (and the daily loss) by a data gap rather than by the market.
        var pricedIds = priced.Select(p => p.Position.PositionId).ToHashSet();
        var unrealized = priced.Sum(p => p.Mark is { } mark ? p.Position.PnlAt(mark) : 0m)
            + open.Where(p => !pricedIds.Contains(p.PositionId)).Sum(p => p.UnrealizedPnl ?? 0m);
        var today = MarketTime.DateOf(asOf);
        return new PortfolioInputs
        {
            AsOf = asOf,
            // Marked to market: the account's realized equity plus what the open positions would realize now.
            Equity = realizedEquity + unrealized,
            Positions = priced,
            History = history,
            EquityCurve = EquityCurve(realizedEquity, realized, unrealized),
            RealizedPnlToday = realized.GetValueOrDefault(today),
            Problems = problems,
            EquityKnown = accountEquity is not null,
        };
    }

    /// <summary>Realized P&amp;L per New York close date: caught up in <paramref name="memory"/>, else read whole.</summary>
    private async Task<IReadOnlyDictionary<DateOnly, decimal>> RealizedAsync(DateTimeOffset asOf, RiskMemory? memory, CancellationToken cancellationToken)
    {
        if (memory is null)
        {
            return RealizedPnlByDay.Of(await positions.HistoryAsync(null, null, cancellationToken).ConfigureAwait(false));
        }

        await memory.Realized.CatchUpAsync(positions, asOf, cancellationToken).ConfigureAwait(false);
        return memory.Realized.Days;
    }

    /// <summary>
    /// The equity at each New York close date that booked trades (starting from the equity before the first),
    /// then now with the open positions marked: realized history plus today's unrealized.
    /// </summary>
    private static List<decimal> EquityCurve(decimal realizedEquity, IReadOnlyDictionary<DateOnly, decimal> realizedByDay, decimal unrealized)
    {
        var start = realizedEquity - realizedByDay.Values.Sum();
        var curve = new List<decimal> { start };
        foreach (var (_, pnl) in realizedByDay.OrderBy(d => d.Key))
        {
            curve.Add(curve[^1] + pnl);
        }

        curve.Add(realizedEquity + unrealized);
        return curve;
    }

    private async Task<RiskPosition?> PriceAsync(Position position, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var underlying = await marketData.GetUnderlyingQuoteAsync(position.Ticker, asOf, cancellationToken).ConfigureAwait(false);
        if (!position.IsOption)
        {
            return underlying is { Last: > 0m } shares ? Valued(position, asOf, [], (double)shares.Last, shares.Last, shares.Timestamp) : null;
        }

        var legs = new List<RiskLeg>(position.Legs.Count);
        decimal? mark = 0m;
        DateTimeOffset? quotedAt = null;
        var spot = (double?)underlying?.Last;
        foreach (var leg in position.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, asOf, cancellationToken).ConfigureAwait(false);
            var years = Math.Max((MarketTime.At(leg.Contract.Expiration, new TimeOnly(16, 0)) - asOf).TotalDays / 365.0, 0);
            if (quote is null || quote.UnderlyingPrice <= 0m || LegVolatility.Of(leg.Contract, quote, years, pricing) is not { } iv)
            {
                return null;
            }

            spot ??= (double)quote.UnderlyingPrice;
            var sign = leg.Side == LegSide.Short ? -1.0 : 1.0;
            legs.Add(new RiskLeg(leg.Contract.Right, (double)leg.Contract.Strike, years, iv, sign * leg.Ratio * position.Quantity * position.Multiplier));
            // Closing buys the short legs back and sells the long ones: the net debit per share.
            mark = mark is { } sum && quote.Mid is { } mid ? sum - ((decimal)sign * mid * leg.Ratio) : null;
            quotedAt = quotedAt is { } oldest && oldest < quote.Timestamp ? oldest : quote.Timestamp;
        }

        return spot is > 0 ? Valued(position, asOf, legs, spot.Value, mark, quotedAt) : null;
    }

    /// <summary>
    /// One valuation: the position's last stored mark wins, so the report and the positions list (the dashboard's table
    /// and its risk panel) show the same value, as of the same instant; the quotes value only a position never marked
    /// (one opened outside a session, before the mark-to-market job ran), or a report as of an instant before the stored
    /// mark (<c>risk report --at</c>). Greeks come from the quotes either way.
    /// </summary>
    private static RiskPosition Valued(
        Position position, DateTimeOffset asOf, IReadOnlyList<RiskLeg> legs, double spot, decimal? quoted, DateTimeOffset? quotedAt) =>
        position is { MarkPrice: { } stored, MarkedAt: { } markedAt } && markedAt <= asOf
            ? new RiskPosition(position, legs, spot, stored, MarkSources.Stored, markedAt)
            : new RiskPosition(position, legs, spot, quoted, MarkSources.Quotes, quotedAt);

    /// <summary>
    /// Closes at 16:00 New York of the last <see cref="PortfolioRiskSettings.HistoryDays"/> + 1 sessions before
    /// <paramref name="today"/>. A quote stamped on an earlier date is not that session's close and counts as missing.
    /// With <paramref name="memory"/> each symbol's closes are read once a day: none of those sessions changes during it.
    /// </summary>
    private async Task<ReturnHistory?> HistoryAsync(IReadOnlyList<string> underlyings, DateOnly today, RiskMemory? memory, CancellationToken cancellationToken)
    {
        var sessions = new List<DateOnly>();
        for (var date = today; sessions.Count <= settings.HistoryDays && NyseCalendar.Covers(date.Year - 1);)
        {
            date = calendar.PreviousSession(date).Date;
            sessions.Insert(0, date);
        }

        var closes = new Dictionary<string, IReadOnlyList<decimal?>>(StringComparer.Ordinal);
        foreach (var symbol in underlyings)
        {
            if (memory is null || !memory.TryGetCloses(symbol, out var series))
            {
                series = await ClosesAsync(symbol, sessions, cancellationToken).ConfigureAwait(false);
                // A close the feed has not published yet is asked for again next run, not taken as missing all day.
                if (series.All(c => c is not null))
                {
                    memory?.RememberCloses(symbol, series);
                }
            }

            // Sessions missing for one symbol are dropped for all: one sparse underlying (a new listing, a feed gap) would
            // shorten everyone's history, so it is left out instead (its positions are reported as without history).
            if (series.Count(c => c is not null) > settings.MinHistoryReturns)
            {
                closes[symbol] = series;
            }
        }

        return closes.Count == 0 ? null : ReturnHistory.FromCloses(sessions, closes);
    }

    private async Task<decimal?[]> ClosesAsync(string symbol, List<DateOnly> sessions, CancellationToken cancellationToken)
    {
        var series = new decimal?[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            var quote = await marketData.GetUnderlyingQuoteAsync(symbol, MarketTime.At(sessions[i], new TimeOnly(16, 0)), cancellationToken).ConfigureAwait(false);
            series[i] = quote is not null && MarketTime.DateOf(quote.Timestamp) == sessions[i] ? quote.Last : null;
        }

        return series;
    }
}
