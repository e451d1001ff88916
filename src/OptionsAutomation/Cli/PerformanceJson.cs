using System.Text.Json;
using System.Text.Json.Serialization;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// The <c>--json</c> shapes of <c>stats</c> and <c>report</c>: <see cref="DomainJson"/>'s snake_case, plus statistics that
/// are NaN or infinite written as the strings "NaN", "Infinity" and "-Infinity" (JSON has no such numbers, and null
/// would not tell "undefined" from "unbounded").
/// </summary>
internal static class PerformanceJson
{
    internal static readonly JsonSerializerOptions Options = new(DomainJson.Indented)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>Return statistics flat, the deepest drawdown's dates and lengths beside its depth.</summary>
    public sealed record Returns(
        int Periods,
        int PeriodsPerYear,
        double RiskFree,
        double TotalReturn,
        double AnnualReturn,
        double AnnualVolatility,
        double SharpeRatio,
        double SortinoRatio,
        double DownsideRisk,
        double CalmarRatio,
        double MaxDrawdown,
        DateOnly? MaxDrawdownPeak,
        DateOnly? MaxDrawdownTrough,
        DateOnly? MaxDrawdownRecovery,
        int MaxDrawdownDurationPeriods,
        int? MaxDrawdownRecoveryPeriods,
        [property: JsonPropertyName("var_95")] double Var95,
        [property: JsonPropertyName("cvar_95")] double Cvar95,
        double Skew,
        double Kurtosis,
        double TailRatio,
        double RequiredReturn,
        double OmegaRatio,
        [property: JsonPropertyName("stability_of_timeseries")] double Stability,
        double UlcerIndex,
        double UlcerPerformanceIndex,
        ValueAtRiskAt Var,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AlphaBeta? Benchmark = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RollingStatistics? Rolling = null)
    {
        public static Returns Of(ReturnStatistics s, AlphaBeta? benchmark = null, RollingStatistics? rolling = null) => new(
            s.Periods, s.PeriodsPerYear, s.RiskFree, s.TotalReturn, s.AnnualReturn, s.AnnualVolatility, s.SharpeRatio, s.SortinoRatio,
            s.DownsideRisk, s.CalmarRatio, s.MaxDrawdown.Depth, s.MaxDrawdown.Peak, s.MaxDrawdown.Trough, s.MaxDrawdown.Recovery,
            s.MaxDrawdown.DurationPeriods, s.MaxDrawdown.RecoveryPeriods, s.ValueAtRisk95, s.ConditionalValueAtRisk95, s.Skew, s.Kurtosis,
            s.TailRatio, s.RequiredReturn, s.OmegaRatio, s.Stability, s.Ulcer.Index, s.Ulcer.PerformanceIndex, s.ValueAtRisk, benchmark, rolling);
    }

    public sealed record Report(
        DateOnly? From,
        DateOnly? To,
        DateOnly? OpeningDate,
        decimal OpeningEquity,
        decimal ClosingEquity,
        TradeStatistics TradeStatistics,
        Returns ReturnStatistics,
        PnlAttribution Attribution,
        IReadOnlyList<EquityPoint> EquityCurve,
        GreekAttribution AttributionByGreek)
    {
        public static Report Of(PerformanceReport r) => new(
            r.From, r.To, r.EquityCurve.OpeningDate, r.EquityCurve.OpeningEquity, r.EquityCurve.Closing, r.Trades,
            Returns.Of(r.Returns), r.Attribution, r.EquityCurve.Days, r.ByGreek);
    }
}
