using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals.Sizing;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

/// <summary>The trades the sizing tests size: a 5-wide SPY put spread for 1.20 (380 max loss a contract).</summary>
internal static class SizingCases
{
    public static readonly DateOnly Expiration = new(2026, 3, 20);

    public static CreditStrategy Spread { get; } = CreditStrategy.Create(StrategyType.VerticalPutCredit, "SPY", Expiration, 475m, 470m, 1.20m);

    public static SizingRequest Request(decimal equity = 100_000m, decimal committed = 0m) => new(Spread, equity, committed);

    public static ExitRuleSettings Rules { get; } = new();
}
