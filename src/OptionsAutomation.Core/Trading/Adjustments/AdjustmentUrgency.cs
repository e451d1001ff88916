namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>How soon a person should look, from the risk score (<see cref="AdjustmentSettings"/> holds the bands).</summary>
public enum AdjustmentUrgency
{
    Low,
    Medium,
    High,
    Critical,
}
