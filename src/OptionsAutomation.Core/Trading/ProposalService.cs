using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The morning screener: for every watchlist ticker and strategy, screen the chain, size the trade (<see cref="PositionSizer"/>), pass it
/// through the pre-trade risk gate (its summary is kept on the proposal) and record a PROPOSED
/// <c>trade_requests</c> row that waits for approval until the window (or the session)
/// closes. The request id is the New York date, ticker and strategy, so a second run on one day proposes
/// nothing new. Under <c>Proposals:EntrySchedule</c> MonthlyRoll it screens on monthly expiration days only, and a
/// position expiring that day counts neither against its ticker's slot nor as committed capital (<see cref="RollSchedule"/>).
/// With <c>Scaling:In</c> on, the run then proposes adds to open positions that went the seller's way (<see cref="ScaleIn"/>).
/// </summary>
public sealed class ProposalService(
    ITradingJournal journal,
    IPositionStore positions,
    IMarketData marketData,
    RiskSnapshots snapshots,
    RiskGate gate,
    NyseCalendar calendar,
    ProposalSettings settings,
    PositionSizer sizer,
    ExitRuleSettings rules,
    ScalingInSettings scaling,
    PortfolioRiskSettings portfolio,
    TimeProvider clock)
{
    public const string Actor = "screener";

    private readonly ProposalExpiry _expiry = new(journal);

    public async Task<ProposalRun> RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await _expiry.ExpireDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var today = MarketTime.DateOf(asOf);
        if (!RollSchedule.IsEntryDay(today, settings, calendar))
        {
            return new ProposalRun([], [.. settings.Targets().Select(t => new ScreenDenial(t.Ticker, t.Strategy, ScreenDenialCode.NotAnEntryDay,
                string.Create(CultureInfo.InvariantCulture, $"schedule={settings.EntrySchedule}, today={today:yyyy-MM-dd}")))]);
        }

        var held = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var open = RollSchedule.Committed(held, today, settings);
        var snapshot = await snapshots.CurrentAsync(held, settings.Targets().Select(t => t.Ticker), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var expiresAt = ApprovalDeadline(asOf);
        var made = new List<TradeProposal>();
        var denials = new List<ScreenDenial>();
        var sizings = new List<PositionSizingResult>();
        // One chain per ticker, shared by its strategies.
        var chains = new Dictionary<string, OptionChain?>(StringComparer.Ordinal);
        foreach (var (ticker, strategy) in settings.Targets())
        {
            // A scale-in's lot belongs to its first position's slot.
            var openOnTicker = open.Count(p => p.Ticker == ticker && p.ScalesPositionId is null);
            if (openOnTicker >= settings.MaxOpenPositionsPerTicker)
            {
                denials.Add(new ScreenDenial(ticker, strategy, ScreenDenialCode.TickerAtPositionLimit,
                    string.Create(CultureInfo.InvariantCulture, $"open={openOnTicker}, max={settings.MaxOpenPositionsPerTicker}")));
                continue;
            }

            if (!chains.TryGetValue(ticker, out var chain))
            {
                chains[ticker] = chain = await marketData.GetChainAsync(ticker, asOf, cancellationToken).ConfigureAwait(false);
            }

            if (chain is null || chain.Quotes.Count == 0)
            {
                denials.Add(new ScreenDenial(ticker, strategy, ScreenDenialCode.NoChain, string.Create(CultureInfo.InvariantCulture, $"as_of={asOf:O}")));
                continue;
            }

            var (candidate, denial) = Screener.Screen(chain, strategy, today, settings, calendar);
            if (candidate is null)
            {
                denials.Add(denial!);
                continue;
            }

            await ProposeAsync(candidate, RequestId(today, candidate.Strategy), null, int.MaxValue).ConfigureAwait(false);
        }

        if (scaling.IsOn)
        {
            await ScaleInAsync(held, chains, today, asOf, ProposeAsync, denials, cancellationToken).ConfigureAwait(false);
        }

        // Sizes, gates and records one proposal; a scale-in names the position it adds to and is capped at its room.
        async Task ProposeAsync(ScreenCandidate candidate, string requestId, long? scalesPositionId, int maxContracts)
        {
            var ticker = candidate.Strategy.Underlying;
            var strategy = candidate.Strategy.Type;
            if (Sizer.NoEquity(candidate.Strategy, snapshot.Equity) is { } noEquity)
            {
                denials.Add(noEquity);
                return;
            }

            // Proposals made earlier in this run count as if they were already open, for sizing as for the gate.
            var committed = snapshot.OpenExposure + made.Sum(p => RiskExposure.Of(p.StrategyType, p.Collateral, p.MaxLoss));
            var account = snapshot with
            {
                OpenPositions = open.Count + made.Count,
                OpenExposure = committed,
                HeldUnderlyings = [.. snapshot.HeldUnderlyings.Union(made.Select(p => p.Ticker), StringComparer.Ordinal)],
            };
            var commitments = open.Select(p => new Commitment(p.Ticker, p.Expiration, RiskExposure.Of(p)))
                .Concat(made.Select(p => new Commitment(p.Ticker, p.Expiration, RiskExposure.Of(p.StrategyType, p.Collateral, p.MaxLoss))))
                .ToList();
            var sized = await sizer.SizeAsync(candidate, new SizingRequest(candidate.Strategy, snapshot.Equity!.Value, committed), commitments, account, asOf, cancellationToken)
                .ConfigureAwait(false);
            sizings.Add(sized);
            if (Sizer.BelowOneContract(candidate.Strategy, sized) is { } sizeDenial)
            {
                denials.Add(sizeDenial);
                return;
            }

            var contracts = Math.Min(sized.Contracts, maxContracts);
            var decision = gate.CheckOpening(
                new OpeningOrder(requestId, candidate.Strategy, contracts, rules.ContractMultiplier),
                account with { Quote = QuoteOf(candidate) });
            if (decision.Denial is { } riskDenial)
            {
                await CommitAsync(ProposalBooking.Denied(requestId, riskDenial.ToString(), Actor), cancellationToken).ConfigureAwait(false);
                denials.Add(new ScreenDenial(ticker, strategy, ScreenDenialCode.RiskDenied, riskDenial.ToString()));
                return;
            }

            var proposal = Proposal(requestId, candidate, contracts, asOf, expiresAt) with
            {
                RiskSummary = decision.Summary,
                Sizing = sized,
                ScalesPositionId = scalesPositionId,
            };
            made.Add(await CreateAsync(proposal, cancellationToken).ConfigureAwait(false));
        }

        return new ProposalRun(made, denials) { Sizings = sizings };
    }

    /// <summary>
    /// Scaling in (<see cref="ScaleIn"/>): for each open first position whose trigger fires, proposes its legs again at the
    /// current credit — sized, capped at the room under <c>Risk:MaxPositionContracts</c> left by it and its lots, and gated
    /// like any proposal. One add per position and day (the request id names the position).
    /// </summary>
    private async Task ScaleInAsync(
        IReadOnlyList<Position> held, Dictionary<string, OptionChain?> chains, DateOnly today, DateTimeOffset asOf,
        Func<ScreenCandidate, string, long?, int, Task> propose, List<ScreenDenial> denials, CancellationToken cancellationToken)
    {
        foreach (var position in held.Where(p => p.IsOption && p.ScalesPositionId is null && !p.ScaledOut))
        {
            if (!chains.TryGetValue(position.Ticker, out var chain))
            {
                chains[position.Ticker] = chain = await marketData.GetChainAsync(position.Ticker, asOf, cancellationToken).ConfigureAwait(false);
            }

            if (chain is null)
            {
                continue;
            }

            var everLots = (await positions.ListAsync(PositionStatusFilter.All, position.Ticker, cancellationToken).ConfigureAwait(false))
                .Where(p => p.ScalesPositionId == position.PositionId).ToList();
            var entrySpot = scaling.AtUnderlyingRisePct > 0m
                ? (await marketData.GetUnderlyingQuoteAsync(position.Ticker, position.EntryDate, cancellationToken).ConfigureAwait(false))?.Last
                : null;
            if (ScaleIn.Trigger(position, everLots.Count, entrySpot, chain.UnderlyingPrice, today, scaling) is not { } why)
            {
                continue;
            }

            var heldContracts = position.Quantity + everLots.Where(p => p.Status == PositionStatus.Open).Sum(p => p.Quantity);
            var room = ScaleIn.Room(heldContracts, portfolio.MaxPositionContracts);
            var context = string.Create(CultureInfo.InvariantCulture, $"position={position.PositionId}, {why}");
            if (room == 0)
            {
                denials.Add(new ScreenDenial(position.Ticker, position.StrategyType, ScreenDenialCode.ScaleInAtContractLimit,
                    string.Create(CultureInfo.InvariantCulture, $"{context}, held={heldContracts}, max={portfolio.MaxPositionContracts}")));
                continue;
            }

            if (ScaleIn.Reprice(position, chain, settings.NickelsAboveThreeDollars) is not { } candidate)
            {
                denials.Add(new ScreenDenial(position.Ticker, position.StrategyType, ScreenDenialCode.ScaleInNoQuote, context));
                continue;
            }

            // The screen's credit floor holds for an add too (the price walk never sells below it, so it could not fill).
            var minCredit = settings.MinimumCredit(candidate.Strategy.Type, candidate.Strategy.Width);
            if (candidate.Strategy.Credit < minCredit)
            {
                denials.Add(new ScreenDenial(position.Ticker, position.StrategyType, ScreenDenialCode.CreditTooLow,
                    string.Create(CultureInfo.InvariantCulture, $"{context}, credit={candidate.Strategy.Credit:0.00##}, min={minCredit:0.00##}")));
                continue;
            }

            var requestId = string.Create(CultureInfo.InvariantCulture, $"{RequestId(today, candidate.Strategy)}-add-{position.PositionId}");
            await propose(candidate, requestId, position.PositionId, room).ConfigureAwait(false);
        }
    }

    /// <summary>The proposal as stored: created now (audited, its card sent), or the one a run earlier today made.</summary>
    private async Task<TradeProposal> CreateAsync(TradeProposal proposal, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var (stored, created) = await entry.CreateProposalAsync(proposal, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            await entry.CommitAsync(ProposalBooking.Proposed(stored, Actor), stored.UpdatedAt, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    private async Task CommitAsync(IReadOnlyList<TradingEvent> events, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        await entry.CommitAsync(events, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The approval window from now, but never past the close of today's (or the next) session.</summary>
    private DateTimeOffset ApprovalDeadline(DateTimeOffset asOf)
    {
        var session = calendar.SessionOn(MarketTime.DateOf(asOf)) is { } today && asOf < today.Close
            ? today
            : calendar.NextSession(MarketTime.DateOf(asOf));
        var window = asOf.AddMinutes(settings.ApprovalWindowMinutes);
        return window < session.Close ? window : session.Close;
    }

    private static string RequestId(DateOnly today, CreditStrategy strategy) =>
        string.Create(CultureInfo.InvariantCulture, $"prop-{today:yyyyMMdd}-{strategy.Underlying}-{strategy.Type.ToCode()}");

    /// <summary>The combination's unrounded net mid and its oldest leg's time, for the gate's price check.</summary>
    private static OrderQuote QuoteOf(ScreenCandidate candidate)
    {
        var mid = candidate.ShortQuote.Mid - (candidate.LongQuote?.Mid ?? 0m);
        var quotedAt = candidate.LongQuote is { } longQuote && longQuote.Timestamp < candidate.ShortQuote.Timestamp
            ? longQuote.Timestamp
            : candidate.ShortQuote.Timestamp;
        return new OrderQuote(mid, quotedAt, Usable: true);
    }

    private TradeProposal Proposal(string requestId, ScreenCandidate candidate, int contracts, DateTimeOffset asOf, DateTimeOffset expiresAt)
    {
        var strategy = candidate.Strategy;
        var terms = PositionTerms.For(strategy, contracts, rules);
        var now = clock.GetUtcNow();
        return new TradeProposal
        {
            RequestId = requestId,
            Status = ProposalStatus.Proposed,
            Ticker = strategy.Underlying,
            StrategyType = strategy.Type,
            Expiration = strategy.Expiration,
            ShortStrike = strategy.ShortStrike,
            LongStrike = strategy.LongStrike,
            NetCredit = strategy.Credit,
            Quantity = contracts,
            MaxLoss = terms.MaxLoss,
            Collateral = terms.Collateral,
            ProbabilityOfProfit = candidate.ProbabilityOfProfit,
            Legs = strategy.Legs,
            ProposedAt = asOf,
            ExpiresAt = expiresAt,
            UpdatedAt = now,
        };
    }
}
