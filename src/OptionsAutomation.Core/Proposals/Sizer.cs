using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals.Sizing;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// A sizing result as the screener uses it: the contracts, or why there is no trade — no equity (fail closed) or fewer
/// than one contract. <see cref="Size"/> is the <c>fixed</c> strategy (<see cref="FixedSizing"/>).
/// </summary>
public static class Sizer
{
    /// <param name="committed">What open positions and earlier proposals of the run already commit (CSP collateral, VPC max loss).</param>
    public static (int Contracts, ScreenDenial? Denial) Size(
        CreditStrategy strategy, decimal? equity, decimal committed, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (NoEquity(strategy, equity) is { } denial)
        {
            return (0, denial);
        }

        var result = FixedSizing.Size(new SizingRequest(strategy, equity!.Value, committed), sizing, rules);
        return (result.Contracts, BelowOneContract(strategy, result));
    }

    /// <summary>Nothing is sized without a positive equity.</summary>
    public static ScreenDenial? NoEquity(CreditStrategy strategy, decimal? equity) =>
        equity is > 0m
            ? null
            : new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.NoEquity, $"equity={equity?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");

    /// <summary>The denial of a result below one contract (its budget, what one contract commits, what was committed), else null.</summary>
    public static ScreenDenial? BelowOneContract(CreditStrategy strategy, PositionSizingResult result)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Contracts >= 1)
        {
            return null;
        }

        var context = string.Create(CultureInfo.InvariantCulture,
            $"budget={result.Value("budget"):0.00}, at_risk_per_contract={result.AtRiskPerContract:0.00}, committed={result.Value("committed"):0.00}");
        return new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.SizeBelowOneContract,
            result.Strategy == SizingStrategies.Fixed && result.Fallback is null ? context : $"{context}, sizing={result.Summary()}");
    }
}
