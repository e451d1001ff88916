using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.InMemory;

/// <summary>
/// One run of the trading use cases on the default synthetic market, scripted where an outcome must not depend on the
/// random walk: the screener proposes an IWM CSP, an IWM VPC and a SPY VPC at 09:35 New York on Monday 2026-03-02; a
/// person approves the CSP and the SPY VPC (both fill through the paper broker; their legs differ) and rejects the IWM
/// VPC; the mark job marks them; on
/// 03-09 the CSP's put is quoted at 30% of its credit and the exit job closes it at the profit target while the VPC's
/// legs are quoted as they were when it opened; on 03-20 (21 DTE) the VPC is due to exit but its long put has no quote,
/// so the closing order is rejected and it stays OPEN; after the close of 04-10 it is settled at expiration.
/// </summary>
internal static class DriftScenario
{
    public static readonly DateTimeOffset Open = new(2026, 3, 2, 14, 35, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Marked = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ProfitTaken = new(2026, 3, 9, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DueAt21Dte = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Expiration = new(2026, 4, 10);
    public static readonly DateTimeOffset AfterExpiryClose = new(2026, 4, 10, 20, 30, 0, TimeSpan.Zero);

    public static ProposalSettings Watchlist { get; } = new()
    {
        Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["IWM"] = ["CSP", "VPC"], ["SPY"] = ["VPC"] },
    };

    /// <summary>Runs the scenario; <paramref name="setNow"/> moves the clock the services were built with.</summary>
    /// <returns>What the services answered, in order (closing order ids made comparable), each a value that compares by value.</returns>
    public static async Task<IReadOnlyList<object>> RunAsync(TradingServices services, OverlaidMarketData market, IMarketData inner, Action<DateTimeOffset> setNow)
    {
        var answers = new List<object>();
        var none = CancellationToken.None;

        setNow(Open);
        var run = await services.Proposals.RunAsync(Open, none);
        answers.AddRange(run.Proposals);
        answers.AddRange(run.Denials);
        setNow(Open.AddMinutes(1));
        foreach (var proposal in run.Proposals)
        {
            var outcome = proposal is { Ticker: "IWM", StrategyType: StrategyType.VerticalPutCredit }
                ? await services.Approvals.RejectAsync(proposal.RequestId, "bob", "one IWM trade is enough", none)
                : await services.Approvals.ApproveAsync(proposal.RequestId, "alice", none);
            answers.Add(outcome);
        }

        setNow(Marked);
        answers.AddRange((await services.Marks.MarkAllAsync(Marked, none)).Select(m => (object)(m.Position, m.Update)));

        var open = await services.Positions.OpenPositionsAsync(null, none);
        var csp = open.Single(p => p.StrategyType == StrategyType.CashSecuredPut);
        var vpc = open.Single(p => p.StrategyType == StrategyType.VerticalPutCredit);
        var cheap = decimal.Round(csp.EntryPrice * 0.3m, 2);
        market.Quote(csp.Legs[0].Contract, cheap, cheap + 0.02m, ProfitTaken);
        foreach (var leg in vpc.Legs)
        {
            var atOpen = (await inner.GetOptionQuoteAsync(leg.Contract, Open, none))!;
            market.Quote(leg.Contract, atOpen.Bid, atOpen.Ask, ProfitTaken);
        }

        setNow(ProfitTaken);
        answers.AddRange(Describe(await services.Exits.RunAsync(ProfitTaken, execute: true, none)));

        var longPut = vpc.Legs.Single(l => l.Side == LegSide.Long).Contract;
        market.Quote(longPut, null, null, DueAt21Dte);
        var shortPut = vpc.Legs.Single(l => l.Side == LegSide.Short).Contract;
        var shortNow = (await inner.GetOptionQuoteAsync(shortPut, DueAt21Dte, none))!;
        market.Quote(shortPut, shortNow.Bid, shortNow.Ask, DueAt21Dte);
        setNow(DueAt21Dte);
        answers.AddRange(Describe(await services.Exits.RunAsync(DueAt21Dte, execute: true, none)));

        setNow(AfterExpiryClose);
        answers.AddRange(await services.Expirations.SettleAsync(Expiration, none));
        return answers;
    }

    private static IEnumerable<object> Describe(IReadOnlyList<ExitCheck> checks) =>
        checks.Select(c => c with
        {
            Closed = c.Closed is { } closed ? closed with { Trade = closed.Trade with { ClientOrderId = OrderIds.Stable(closed.Trade.ClientOrderId) } } : null,
            OrderError = OrderIds.Stable(c.OrderError),
        });
}
