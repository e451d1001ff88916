using OptionsAutomation.Core;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Integration.Tests.MarketData;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// The default screen and sizing (no setting changed, $100,000 of equity, nothing open) over every 2021 morning of
/// the real SPY 2021 chain (tests/data, a byte-for-byte copy): at 09:15 New York the worker sees the previous close's chain, as it would in a
/// replay. The minimum-credit and sizing defaults were chosen from these mornings (README, "Why these defaults");
/// this keeps them honest. The chain holds only 10 puts a day, 2–3 months out, so some mornings have no expiration
/// 30–45 days away and most have no strike 5 below the short one: those mornings cannot propose whatever the credit.
/// </summary>
public sealed class Spy2021DefaultScreenTests(ITestOutputHelper output)
{
    private static readonly TimeOnly NineFifteen = new(9, 15);

    [Fact]
    public async Task DefaultScreen_ProposesOnMostMorningsOf2021()
    {
        var market = MarketDataFiles.Csv([MarketDataFiles.SpyOptions2021]);
        var settings = new ProposalSettings();
        var calendar = new NyseCalendar();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        int mornings = 0, proposing = 0, csps = 0, vpcs = 0;
        for (var day = new DateOnly(2021, 1, 5); day <= new DateOnly(2021, 12, 31); day = day.AddDays(1))
        {
            if (calendar.SessionOn(day) is null)
            {
                continue;
            }

            mornings++;
            var chain = await market.GetChainAsync("SPY", MarketTime.At(day, NineFifteen), CancellationToken.None);
            var proposed = false;
            foreach (var strategy in new[] { StrategyType.CashSecuredPut, StrategyType.VerticalPutCredit })
            {
                var outcome = Outcome(chain, strategy, day, settings);
                var key = $"{strategy.ToCode()} {outcome}";
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
                if (outcome == "PROPOSED")
                {
                    proposed = true;
                    _ = strategy == StrategyType.CashSecuredPut ? csps++ : vpcs++;
                }
            }

            proposing += proposed ? 1 : 0;
        }

        foreach (var (key, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{key}: {count}");
        }

        output.WriteLine($"mornings={mornings}, proposing={proposing}, csp={csps}, vpc={vpcs}");
        Assert.Equal(251, mornings);
        // The defaults never stand in the way: no morning is refused for its credit or its size, only for what the
        // chain lacks. 169 of 251 mornings propose (78 have no expiration in the window, 4 too little open interest).
        Assert.DoesNotContain(outcomes.Keys, k => k.EndsWith("CREDIT_TOO_LOW", StringComparison.Ordinal) || k.EndsWith("SIZE_BELOW_ONE_CONTRACT", StringComparison.Ordinal));
        Assert.True(proposing >= mornings * 2 / 3, $"{proposing} of {mornings} mornings proposed");
        Assert.Equal((169, 42), (csps, vpcs));
    }

    private static string Outcome(Core.MarketData.OptionChain? chain, StrategyType strategy, DateOnly day, ProposalSettings settings)
    {
        if (chain is null)
        {
            return "NO_CHAIN";
        }

        var (candidate, denial) = Screener.Screen(chain, strategy, day, settings);
        if (candidate is null)
        {
            return denial!.Code.ToCode();
        }

        var (_, sizeDenial) = Sizer.Size(candidate.Strategy, 100_000m, 0m, new SizingSettings(), new ExitRuleSettings());
        return sizeDenial?.Code.ToCode() ?? "PROPOSED";
    }
}
