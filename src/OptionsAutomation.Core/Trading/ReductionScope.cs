using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Which OPEN option positions an emergency reduction closes: all, or those of one ticker and/or strategy.</summary>
public sealed record ReductionScope
{
    private ReductionScope(string? ticker, StrategyType? strategy) => (Ticker, Strategy) = (ticker, strategy);

    /// <summary>Null when any.</summary>
    public string? Ticker { get; }

    /// <summary>Null when any.</summary>
    public StrategyType? Strategy { get; }

    /// <summary>The scope for a ticker (trimmed, upper-cased as positions store it) and a strategy, either optional.</summary>
    /// <exception cref="PositionRuleException">when the ticker is not one.</exception>
    public static ReductionScope Of(string? ticker, StrategyType? strategy)
    {
        var normalized = string.IsNullOrWhiteSpace(ticker) ? null : ticker.Trim().ToUpperInvariant();
        if (normalized is not null && !Instruments.Ticker.IsValid(normalized))
        {
            throw new PositionRuleException([$"'{ticker}' is not a ticker (1-6 letters, or up to 5 with a share class: SPY, BRK.B)."]);
        }

        return new(normalized, strategy);
    }

    /// <summary>Shares (an assignment) never match: they are closed at the broker, not by an option closing order.</summary>
    public bool Matches(Position position) =>
        position.IsOption && (Ticker is null || position.Ticker == Ticker) && (Strategy is null || position.StrategyType == Strategy);

    /// <summary>How people read it: <c>SPY CSP</c>, <c>SPY</c>, <c>every ticker</c>.</summary>
    public override string ToString() => $"{Ticker ?? "every ticker"}{(Strategy is { } s ? $" {s.ToCode()}" : "")}";
}
