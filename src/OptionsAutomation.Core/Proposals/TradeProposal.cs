using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals.Sizing;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// A row of <c>trade_requests</c>: a trade offered for approval. <see cref="NetCredit"/> is the limit price
/// per share; <see cref="MaxLoss"/> and <see cref="Collateral"/> are dollars for the whole quantity.
/// </summary>
public sealed record TradeProposal
{
    public required string RequestId { get; init; }
    public required ProposalStatus Status { get; init; }
    public required string Ticker { get; init; }
    public required StrategyType StrategyType { get; init; }
    public required DateOnly Expiration { get; init; }
    public required decimal ShortStrike { get; init; }
    public decimal? LongStrike { get; init; }
    public required decimal NetCredit { get; init; }
    public required int Quantity { get; init; }
    public required decimal MaxLoss { get; init; }
    public required decimal Collateral { get; init; }
    public decimal? ProbabilityOfProfit { get; init; }
    public required ValueList<OptionLeg> Legs { get; init; }
    public string? RiskSummary { get; init; }
    /// <summary>Why it got its size; null for proposals made before sizing was explained.</summary>
    public PositionSizingResult? Sizing { get; init; }
    public required DateTimeOffset ProposedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public string? DecisionReason { get; init; }
    public long? PositionId { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Set on a scale-in: the open position this proposal adds contracts to (its fill opens a lot linked to it).</summary>
    public long? ScalesPositionId { get; init; }

    /// <summary>The line the card and <c>proposals show</c> print for a scale-in; null for a new position.</summary>
    public string? ScalingLine() =>
        ScalesPositionId is { } first ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Adds to position {first} (scaling in)") : null;

    /// <summary>The strategy this proposal trades, at its limit credit.</summary>
    public CreditStrategy Strategy() => CreditStrategy.Create(StrategyType, Ticker, Expiration, ShortStrike, LongStrike, NetCredit);
}
