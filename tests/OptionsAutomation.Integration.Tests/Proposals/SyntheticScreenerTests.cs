using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// The default screener and sizing on the default synthetic market (seed 20260102) at 09:15 New York on Monday
/// 2026-03-02: the chosen strikes, credits and sizes are pinned, so a change to the screener, the sizing or
/// the synthetic market shows up here. Pure: no database.
/// </summary>
public sealed class SyntheticScreenerTests
{
    private static readonly DateTimeOffset NineFifteen = new(2026, 3, 2, 14, 15, 0, TimeSpan.Zero);
    private static readonly SyntheticMarketData Market = new(new SyntheticMarketDataSettings());
    private static readonly ProposalSettings Settings = new();

    [Fact]
    public async Task Screen_PinsStrikesCreditsAndSizes()
    {
        var lines = new List<string>();
        foreach (var ticker in new[] { "SPY", "QQQ", "IWM" })
        {
            var chain = await Market.GetChainAsync(ticker, NineFifteen, CancellationToken.None);
            foreach (var strategy in new[] { StrategyType.CashSecuredPut, StrategyType.VerticalPutCredit })
            {
                var (candidate, denial) = Screener.Screen(chain!, strategy, new DateOnly(2026, 3, 2), Settings);
                if (candidate is null)
                {
                    lines.Add($"{ticker} {strategy.ToCode()} {denial}");
                    continue;
                }

                var (contracts, sizeDenial) = Sizer.Size(candidate.Strategy, 100_000m, 0m, new SizingSettings(), new Core.Exits.ExitRuleSettings());
                var s = candidate.Strategy;
                lines.Add(FormattableString.Invariant(
                    $"{ticker} {strategy.ToCode()} {s.Expiration:yyyy-MM-dd} {s.ShortStrike:0.###}/{s.LongStrike:0.###} credit={s.Credit} pop={candidate.ProbabilityOfProfit} x{contracts}{(sizeDenial is null ? "" : $" {sizeDenial}")}"));
            }
        }

        Assert.Equal(Expected, lines);
    }

    // 2026-04-10 is 39 days out (04-17 would be 46); default sizing on 100,000: a CSP ties up at most 50,000, a VPC
    // risks at most 2,000. SPY and QQQ puts need more collateral than that; IWM's walk is the first factor of the
    // correlated shocks (ordinal order), so its path is the one it had before the correlations.
    private static readonly string[] Expected =
    [
        "SPY CSP 2026-04-10 630/ credit=5.97 pop=0.7463 x0 SIZE_BELOW_ONE_CONTRACT: budget=50000.00, at_risk_per_contract=63000.00, committed=0.00",
        "SPY VPC 2026-04-10 630/625 credit=0.96 pop=0.7463 x4",
        "QQQ CSP 2026-04-10 545/ credit=6.47 pop=0.7496 x0 SIZE_BELOW_ONE_CONTRACT: budget=50000.00, at_risk_per_contract=54500.00, committed=0.00",
        "QQQ VPC 2026-04-10 545/540 credit=0.97 pop=0.7496 x4",
        "IWM CSP 2026-04-10 232/ credit=3.08 pop=0.7540 x2",
        "IWM VPC 2026-04-10 232/227 credit=0.93 pop=0.7540 x4",
    ];
}
