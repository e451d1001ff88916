using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// What the portfolio holds that a new trade must fit beside, gathered by the caller: exposure (<c>RiskExposure</c>) on
/// the trade's underlying and in its expiration week, the held underlyings correlated with it above the gate's
/// threshold, and for the VaR limit the covariance of daily returns with the held dollar deltas per underlying and the
/// trade's dollar delta per contract (null when they could not all be measured).
/// </summary>
public sealed record PortfolioRoom
{
    public required decimal ExposureOnUnderlying { get; init; }

    public required decimal ExposureInExpirationWeek { get; init; }

    public IReadOnlyList<string> CorrelatedWith { get; init; } = [];

    public CovarianceModel? Covariance { get; init; }

    /// <summary>Dollar delta of the open positions per underlying (a short put is long delta).</summary>
    public IReadOnlyDictionary<string, double>? HeldDeltaDollars { get; init; }

    public double? DeltaDollarsPerContract { get; init; }

    /// <summary>Why the VaR after the trade cannot be measured, or null when it can.</summary>
    public string? VarProblem(string underlying) =>
        Covariance is null ? "no covariance model (too little daily history)"
        : Covariance.IndexOf(underlying) < 0 ? $"no return history of {underlying}"
        : HeldDeltaDollars is null ? "an open position could not be priced for its delta"
        : HeldDeltaDollars.Keys.FirstOrDefault(u => Covariance.IndexOf(u) < 0) is { } missing ? $"no return history of held {missing}"
        : DeltaDollarsPerContract is null ? "the trade's quotes carry no delta"
        : null;
}
