using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>A credit trade that has been executed and must now be recorded as a position.</summary>
public sealed record OpenPositionRequest
{
    /// <summary>Idempotency key: opening twice with one request id yields one position.</summary>
    public required string RequestId { get; init; }

    public required StrategyType Strategy { get; init; }

    public required string Ticker { get; init; }

    public required DateOnly Expiration { get; init; }

    public required decimal ShortStrike { get; init; }

    public decimal? LongStrike { get; init; }

    /// <summary>Net credit per share actually received.</summary>
    public required decimal Credit { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Total commissions and fees in dollars.</summary>
    public decimal Fees { get; init; }

    /// <summary>When the opening order filled; now when not given.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    public string? Notes { get; init; }

    /// <summary>A scale-in's fill: the first position this lot adds to.</summary>
    public long? ScalesPositionId { get; init; }

    /// <summary>Who recorded it (for the audit trail), e.g. <c>cli</c> or <c>approval:telegram:123</c>.</summary>
    public string Actor { get; init; } = "system";
}
