using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>An <c>adjustments</c> row as Npgsql reads it.</summary>
internal sealed class AdjustmentRow
{
    public const string Columns =
        "id, position_id, ticker, strategy_type, kind, status, risk_score, urgency, contracts, summary, numbers::text AS numbers, " +
        "roll_expiration, roll_short_strike, roll_long_strike, roll_min_net_credit, created_at, updated_at, decided_at, decided_by, outcome";

    public long Id { get; set; }
    public long PositionId { get; set; }
    public string Ticker { get; set; } = "";
    public string StrategyType { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public short RiskScore { get; set; }
    public string Urgency { get; set; } = "";
    public int Contracts { get; set; }
    public string Summary { get; set; } = "";
    public string Numbers { get; set; } = "{}";
    public DateTime? RollExpiration { get; set; }
    public decimal? RollShortStrike { get; set; }
    public decimal? RollLongStrike { get; set; }
    public decimal? RollMinNetCredit { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Outcome { get; set; }

    public Adjustment ToDomain() => new()
    {
        Id = Id,
        PositionId = PositionId,
        Ticker = Ticker,
        StrategyType = DomainCodes.Parse<StrategyType>(StrategyType),
        Kind = DomainCodes.Parse<AdjustmentKind>(Kind),
        Status = DomainCodes.Parse<AdjustmentStatus>(Status),
        RiskScore = RiskScore,
        Urgency = DomainCodes.Parse<AdjustmentUrgency>(Urgency),
        Contracts = Contracts,
        Summary = Summary,
        Numbers = JsonSerializer.Deserialize<AdjustmentNumbers>(Numbers, DomainJson.Options)
            ?? throw new InvalidOperationException($"adjustment {Id} has no numbers."),
        Roll = RollExpiration is { } expiration && RollShortStrike is { } shortStrike && RollMinNetCredit is { } credit
            ? new RollTarget(DateOnly.FromDateTime(expiration), shortStrike, RollLongStrike, credit)
            : null,
        CreatedAt = RowTime.Utc(CreatedAt),
        UpdatedAt = RowTime.Utc(UpdatedAt),
        DecidedAt = RowTime.Utc(DecidedAt),
        DecidedBy = DecidedBy,
        Outcome = Outcome,
    };
}
