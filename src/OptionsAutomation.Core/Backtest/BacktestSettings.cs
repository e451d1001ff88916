using System.Globalization;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Appsettings section <c>Backtest</c>: what a replay decides in place of a person. Everything else a run uses is the
/// worker's own settings (watchlist, screener, sizing, risk, exits, execution, the paper fill rules).
/// </summary>
public sealed record BacktestSettings
{
    public const string SectionName = "Backtest";

    /// <summary>
    /// The share of proposals approved (the rest are rejected), 0 to 1. Which ones is drawn from <see cref="Seed"/> and
    /// the proposal's request id (<see cref="ApprovalDraw"/>), so a run repeats exactly.
    /// </summary>
    public decimal ApprovalShare { get; init; } = 1m;

    public int Seed { get; init; }

    /// <summary>
    /// The worker's circuit breaker stays tripped until a person resets it. True: the backtest's stand-in person resets
    /// it at the next session (the cooldown has long passed). False: a trip ends the run's new trades, as an absent person would.
    /// </summary>
    public bool ResetBreakerNextSession { get; init; } = true;

    /// <summary>
    /// The strategies (CSP, VPC) the run trades on its underlying; empty (the default): the watchlist's for it. A profile
    /// that trades one strategy says so here, as the watchlist's list cannot be shortened by a layer above it.
    /// </summary>
    public IReadOnlyList<string> Strategies { get; init; } = [];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ApprovalShare is not (>= 0m and <= 1m))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ApprovalShare)} must be from 0 to 1, was {ApprovalShare}."));
        }

        foreach (var code in Strategies)
        {
            if (!DomainCodes.TryParse<StrategyType>(code, out var strategy) || strategy == StrategyType.Stock)
            {
                errors.Add($"{SectionName}:{nameof(Strategies)} has '{code}'; expected CSP or VPC.");
            }
        }

        return errors;
    }
}
