using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>A <c>trade_requests</c> row as Npgsql reads it.</summary>
internal sealed class ProposalRow
{
    public const string Columns =
        "request_id, status, ticker, strategy_type, expiration, short_strike, long_strike, net_credit, quantity, max_loss, collateral, " +
        "probability_of_profit, legs::text AS legs, risk_summary::text AS risk_summary, sizing::text AS sizing, proposed_at, expires_at, decided_at, decided_by, " +
        "decision_reason, position_id, updated_at, scales_position_id";

    public string RequestId { get; set; } = "";
    public string Status { get; set; } = "";
    public string Ticker { get; set; } = "";
    public string StrategyType { get; set; } = "";
    public DateTime Expiration { get; set; }
    public decimal ShortStrike { get; set; }
    public decimal? LongStrike { get; set; }
    public decimal NetCredit { get; set; }
    public int Quantity { get; set; }
    public decimal MaxLoss { get; set; }
    public decimal Collateral { get; set; }
    public decimal? ProbabilityOfProfit { get; set; }
    public string Legs { get; set; } = "[]";
    public string? RiskSummary { get; set; }
    public string? Sizing { get; set; }
    public DateTime ProposedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    public long? PositionId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long? ScalesPositionId { get; set; }

    public TradeProposal ToDomain() => new()
    {
        RequestId = RequestId,
        Status = DomainCodes.Parse<ProposalStatus>(Status),
        Ticker = Ticker,
        StrategyType = DomainCodes.Parse<StrategyType>(StrategyType),
        Expiration = DateOnly.FromDateTime(Expiration),
        ShortStrike = ShortStrike,
        LongStrike = LongStrike,
        NetCredit = NetCredit,
        Quantity = Quantity,
        MaxLoss = MaxLoss,
        Collateral = Collateral,
        ProbabilityOfProfit = ProbabilityOfProfit,
        Legs = new ValueList<OptionLeg>(JsonSerializer.Deserialize<OptionLeg[]>(Legs, DomainJson.Options) ?? []),
        RiskSummary = RiskSummary is null ? null : JsonSerializer.Deserialize<string>(RiskSummary, DomainJson.Options),
        Sizing = Sizing is null ? null : JsonSerializer.Deserialize<PositionSizingResult>(Sizing, DomainJson.Options),
        ProposedAt = RowTime.Utc(ProposedAt),
        ExpiresAt = RowTime.Utc(ExpiresAt),
        DecidedAt = RowTime.Utc(DecidedAt),
        DecidedBy = DecidedBy,
        DecisionReason = DecisionReason,
        PositionId = PositionId,
        UpdatedAt = RowTime.Utc(UpdatedAt),
        ScalesPositionId = ScalesPositionId,
    };
}
