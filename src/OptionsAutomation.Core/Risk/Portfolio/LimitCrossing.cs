namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>A limit that changed state since the last check: the one event an alert is sent for.</summary>
public sealed record LimitCrossing(string Name, LimitState From, LimitState To, LimitReading Reading)
{
    /// <summary>breach, warn (up from OK or down from BREACH) or clear (back to OK).</summary>
    public string Kind => To switch
    {
        LimitState.Breach => "breach",
        LimitState.Warn => "warn",
        _ => "clear",
    };
}
