namespace OptionsAutomation.Core.Positions;

public enum PositionStatus
{
    Open,
    Closed,
    Expired,
    Assigned,
}
