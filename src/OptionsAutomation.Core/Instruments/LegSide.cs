namespace OptionsAutomation.Core.Instruments;

/// <summary>Whether a leg was sold to open (short) or bought to open (long).</summary>
public enum LegSide
{
    Short,
    Long,
}
