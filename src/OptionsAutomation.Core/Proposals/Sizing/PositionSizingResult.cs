using System.Globalization;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// Why a proposal got its size: the strategy asked for, the contracts, the inputs read, each step's number in order,
/// the limit that bound the result and, when the strategy could not judge the trade, the fallback to <c>fixed</c> with
/// its reason. Stored with the proposal (<c>trade_requests.sizing</c>) so <c>sizing explain</c> shows it later.
/// </summary>
public sealed record PositionSizingResult
{
    public required string Strategy { get; init; }

    public required int Contracts { get; init; }

    /// <summary>What one contract commits (a VPC's max loss, a CSP's collateral), dollars.</summary>
    public required decimal AtRiskPerContract { get; init; }

    /// <summary>Contracts × <see cref="AtRiskPerContract"/> ÷ equity, to 6 places; 0 without equity.</summary>
    public required decimal FractionOfEquity { get; init; }

    public required ValueList<SizingStep> Inputs { get; init; }

    public required ValueList<SizingStep> Steps { get; init; }

    /// <summary>The step whose limit decided the contracts (e.g. <c>trade_budget</c>, <c>room</c>, <c>var_limit</c>).</summary>
    public required string BindingLimit { get; init; }

    public SizingFallback? Fallback { get; init; }

    /// <summary><c>kelly</c> only: set when the win/loss record was a backtest's, not <c>trade_history</c>; says which and why.</summary>
    public string? Record { get; init; }

    /// <summary>A named number of the inputs or steps; throws naming it when absent.</summary>
    public decimal Value(string name) =>
        (Steps.FirstOrDefault(s => s.Name == name) ?? Inputs.FirstOrDefault(s => s.Name == name)
            ?? throw new KeyNotFoundException($"sizing has no number named {name}.")).Value;

    /// <summary>The proposal card's line: strategy, contracts, the binding limit or the fallback.</summary>
    public string Summary() => Fallback is { } fallback
        ? string.Create(CultureInfo.InvariantCulture, $"{fallback.From} → {Strategy}: {Contracts} contract(s), bound by {BindingLimit} ({fallback.Reason})")
        : string.Create(CultureInfo.InvariantCulture, $"{Strategy}: {Contracts} contract(s), bound by {BindingLimit}{(Record is null ? "" : ", on a backtest record")}");
}
