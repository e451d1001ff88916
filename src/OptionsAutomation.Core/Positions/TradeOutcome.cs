namespace OptionsAutomation.Core.Positions;

/// <summary>WIN when realized P&amp;L after fees is above zero; a break-even trade is a LOSS.</summary>
public enum TradeOutcome
{
    Win,
    Loss,
}
