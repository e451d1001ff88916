using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Cli;

/// <summary>The JSON of <c>risk stress --json</c> and <c>GET /api/risk/stress</c>; <c>positions</c> is how many were revalued.</summary>
internal sealed record StressJson(DateTimeOffset AsOf, decimal Equity, int Positions, IReadOnlyList<StressResult> Scenarios, IReadOnlyList<string> Problems)
{
    public static StressJson Of(DateTimeOffset asOf, PortfolioInputs inputs, IReadOnlyList<StressResult> results) =>
        new(asOf, inputs.Equity, inputs.Positions.Count, results, inputs.Problems);
}
