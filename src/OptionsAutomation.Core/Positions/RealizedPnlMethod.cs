namespace OptionsAutomation.Core.Positions;

/// <summary>
/// Which cost a closing fill is matched against: the oldest open lots first (FIFO), or the average cost of
/// everything open. Both book the same total once flat; they differ in when the P&amp;L is realized.
/// </summary>
public enum RealizedPnlMethod
{
    Fifo,
    AverageCost,
}
