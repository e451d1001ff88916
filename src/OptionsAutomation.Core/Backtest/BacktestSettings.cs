using System.Globalization;

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

    public IReadOnlyList<string> Validate() =>
        ApprovalShare is >= 0m and <= 1m
            ? []
            : [string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(ApprovalShare)} must be from 0 to 1, was {ApprovalShare}.")];
}
