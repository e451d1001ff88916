using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Risk.RiskFormat;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The pre-trade gate every opening order passes, at proposal and again at approval. It reads the caller's
/// <see cref="RiskSnapshot"/> and does no I/O; its only state is the per-underlying order-rate window, so the
/// host keeps one gate per process (with several workers, each enforces Risk:MaxOrdersPerMinute on its own).
/// </summary>
public sealed class RiskGate
{
    private readonly RiskSettings _settings;
    private readonly PortfolioRiskSettings _portfolio;
    private readonly TimeProvider _time;
    private readonly OrderRateWindow _rates = new(TimeSpan.FromMinutes(1));

    // Checking and counting an order must be one step, or two concurrent checks could both take the last permit.
    private readonly Lock _lock = new();

    /// <exception cref="ArgumentException">when the settings are invalid: a gate with bad limits must not run.</exception>
    /// <param name="portfolio">The correlation limit's threshold and count; the defaults when null.</param>
    public RiskGate(RiskSettings settings, TimeProvider time, PortfolioRiskSettings? portfolio = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        portfolio ??= new PortfolioRiskSettings();
        var errors = settings.Validate().Concat(portfolio.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(settings));
        }

        _settings = settings;
        _portfolio = portfolio;
        _time = time;
    }

    /// <summary>
    /// Runs the checks in <see cref="RiskCheck"/> order and stops at the first denial. An allowed order is
    /// counted against its underlying's order rate; a denied one is not.
    /// </summary>
    public RiskDecision CheckOpening(OpeningOrder order, RiskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.OpenPositions, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.OpenExposure, nameof(snapshot));

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            (RiskCheck Check, Func<RiskDenial?> Run)[] checks =
            [
                (RiskCheck.OrderNotional, () => AccountChecks.OrderNotional(order, snapshot, _settings)),
                (RiskCheck.MaxPositions, () => AccountChecks.MaxPositions(snapshot, _settings)),
                (RiskCheck.DailyLoss, () => AccountChecks.DailyLoss(snapshot, _settings)),
                (RiskCheck.Exposure, () => AccountChecks.Exposure(order, snapshot, _settings)),
                (RiskCheck.Correlation, () => CorrelationCheck.Run(order, snapshot, _portfolio)),
                (RiskCheck.PriceSanity, () => PriceSanityCheck.Run(order, snapshot, _settings, now)),
                (RiskCheck.OrderRate, () => OrderRate(order, now)),
                (RiskCheck.CircuitBreaker, () => SwitchChecks.CircuitBreaker(snapshot, _settings)),
                (RiskCheck.TradingState, () => SwitchChecks.TradingState(snapshot)),
            ];

            var passed = new List<RiskCheck>(checks.Length);
            foreach (var (check, run) in checks)
            {
                if (run() is { } denial)
                {
                    return RiskDecision.Deny(passed, denial);
                }

                passed.Add(check);
            }

            _rates.Record(order.Underlying, order.RequestId, now);
            return RiskDecision.Allow(passed);
        }
    }

    /// <summary>
    /// A closing order meets no opening check: it only reduces risk, and a stop or an exit that a tripped breaker or a
    /// breached loss limit could block would trap the very positions those switches protect. Only the trading state
    /// judges it: ACTIVE and REDUCING (closing only) let it go; HALTED means no order at all, closes included.
    /// </summary>
    public static RiskDecision CheckClosing(TradingState state) =>
        state is TradingState.Active or TradingState.Reducing
            ? RiskDecision.AllowClosing(state)
            : RiskDecision.Deny([], RiskDenial.Of(RiskCheck.TradingState, RiskDenialCode.TradingHalted,
                ("state", Enum.IsDefined(state) ? state.ToCode() : "unknown")));

    /// <summary>Deny, never queue. A request already counted in the window (the proposal, now approved) passes again.</summary>
    private RiskDenial? OrderRate(OpeningOrder order, DateTimeOffset now)
    {
        if (_rates.Holds(order.Underlying, order.RequestId, now))
        {
            return null;
        }

        var count = _rates.Count(order.Underlying, now);
        return count >= _settings.MaxOrdersPerMinute
            ? RiskDenial.Of(RiskCheck.OrderRate, RiskDenialCode.OrderRateExceeded,
                ("underlying", order.Underlying), ("orders", Count(count)), ("max", Count(_settings.MaxOrdersPerMinute)),
                ("window_seconds", Count((int)_rates.Window.TotalSeconds)))
            : null;
    }
}
