using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The morning screener: for every watchlist ticker and strategy, screen the chain, size the trade and
/// record a PROPOSED <c>trade_requests</c> row that waits for approval until the window (or the session)
/// closes. The request id is the New York date, ticker and strategy, so a second run on one day proposes
/// nothing new.
/// </summary>
public sealed class ProposalService(
    IProposalStore proposals,
    IPositionStore positions,
    IMarketData marketData,
    IAccountEquity account,
    NyseCalendar calendar,
    ProposalSettings settings,
    SizingSettings sizing,
    ExitRuleSettings rules,
    TimeProvider clock)
{
    public const string Actor = "screener";

    public async Task<ProposalRun> RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await proposals.ExpireDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var equity = await account.GetEquityAsync(cancellationToken).ConfigureAwait(false);
        var today = MarketTime.DateOf(asOf);
        var expiresAt = ApprovalDeadline(asOf);
        var made = new List<TradeProposal>();
        var denials = new List<ScreenDenial>();
        foreach (var (ticker, strategy) in settings.Targets())
        {
            var openOnTicker = open.Count(p => p.Ticker == ticker);
            if (openOnTicker >= settings.MaxOpenPositionsPerTicker)
            {
                denials.Add(new ScreenDenial(ticker, strategy, ScreenDenialCode.TickerAtPositionLimit,
                    string.Create(CultureInfo.InvariantCulture, $"open={openOnTicker}, max={settings.MaxOpenPositionsPerTicker}")));
                continue;
            }

            var chain = await marketData.GetChainAsync(ticker, asOf, cancellationToken).ConfigureAwait(false);
            if (chain is null || chain.Quotes.Count == 0)
            {
                denials.Add(new ScreenDenial(ticker, strategy, ScreenDenialCode.NoChain, string.Create(CultureInfo.InvariantCulture, $"as_of={asOf:O}")));
                continue;
            }

            var (candidate, denial) = Screener.Screen(chain, strategy, today, settings);
            if (candidate is null)
            {
                denials.Add(denial!);
                continue;
            }

            var (contracts, sizeDenial) = Sizer.Size(candidate.Strategy, equity, sizing, rules);
            if (sizeDenial is not null)
            {
                denials.Add(sizeDenial);
                continue;
            }

            var (stored, _) = await proposals.CreateAsync(Proposal(candidate, contracts, today, asOf, expiresAt), Actor, cancellationToken).ConfigureAwait(false);
            made.Add(stored);
        }

        return new ProposalRun(made, denials);
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

    private TradeProposal Proposal(ScreenCandidate candidate, int contracts, DateOnly today, DateTimeOffset asOf, DateTimeOffset expiresAt)
    {
        var strategy = candidate.Strategy;
        var terms = PositionTerms.For(strategy, contracts, rules);
        var now = clock.GetUtcNow();
        return new TradeProposal
        {
            RequestId = string.Create(CultureInfo.InvariantCulture, $"prop-{today:yyyyMMdd}-{strategy.Underlying}-{strategy.Type.ToCode()}"),
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
