namespace OptionsAutomation.Core.Risk;

/// <summary>
/// One refusal: a closed code, the check it belongs to, and the figures that decided it in the order they
/// read best (<c>MAX_POSITIONS_REACHED: open=5, max=5</c>). Amounts are dollars, percentages in percent.
/// </summary>
public sealed record RiskDenial(RiskCheck Check, RiskDenialCode Code, ValueList<KeyValuePair<string, string>> Context)
{
    internal static RiskDenial Of(RiskCheck check, RiskDenialCode code, params (string Key, string Value)[] context) =>
        new(check, code, new(context.Select(c => KeyValuePair.Create(c.Key, c.Value))));

    /// <summary><c>CODE: key=value, key=value</c>; just the code when there is no context.</summary>
    public override string ToString() =>
        Context.Count == 0
            ? Code.ToCode()
            : $"{Code.ToCode()}: {string.Join(", ", Context.Select(c => $"{c.Key}={c.Value}"))}";
}
