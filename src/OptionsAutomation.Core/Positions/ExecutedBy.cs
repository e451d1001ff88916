namespace OptionsAutomation.Core.Positions;

/// <summary>Who closed a trade: the exit automation or a person.</summary>
public enum ExecutedBy
{
    Auto,
    Manual,
}
