namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>Where a limit stands (codes OK, WARN, BREACH): below the warning threshold, at or above it, at or above the limit.</summary>
public enum LimitState
{
    Ok,
    Warn,
    Breach,
}
