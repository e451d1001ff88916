namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The gate's answer. Checks run in <see cref="RiskCheck"/> order and the first denial wins: later checks do
/// not run, so <see cref="Passed"/> lists exactly the checks before it, and the denial reported is the most
/// basic problem (an order too big is reported as such even when the breaker is also tripped).
/// </summary>
public sealed record RiskDecision(ValueList<RiskCheck> Passed, RiskDenial? Denial, string Summary)
{
    public bool Allowed => Denial is null;

    /// <summary>
    /// The daily loss limit is breached: nothing more should open today. The gate keeps denying on its own
    /// (the loss does not shrink); the caller may also switch the trading state so people see why.
    /// </summary>
    public bool StopsTradingForDay => Denial?.Check == RiskCheck.DailyLoss;

    internal static RiskDecision Allow(IReadOnlyList<RiskCheck> passed) =>
        new(new(passed), null, $"PASS {passed.Count}/{AllChecks}: {Codes(passed)}");

    internal static RiskDecision Deny(IReadOnlyList<RiskCheck> passed, RiskDenial denial) =>
        new(new(passed), denial, passed.Count == 0
            ? $"DENY {denial} (passed 0/{AllChecks})"
            : $"DENY {denial} (passed {passed.Count}/{AllChecks}: {Codes(passed)})");

    /// <summary>Closing orders reduce risk, so no opening check applies, whatever the state.</summary>
    internal static RiskDecision AllowClosing(TradingState state) =>
        new(ValueList<RiskCheck>.Empty, null, $"PASS closing order: opening checks do not apply (trading state {state.ToCode()})");

    private static int AllChecks => Enum.GetValues<RiskCheck>().Length;

    private static string Codes(IEnumerable<RiskCheck> checks) => string.Join(", ", checks.Select(c => c.ToCode()));
}
