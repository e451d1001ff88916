namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// A recommendation's life: PENDING until a person decides; APPROVED while (or after an interruption of) its execution,
/// then EXECUTED or FAILED. REJECTED by a person, IGNORED from the chat's Ignore button, EXPIRED by the system when its
/// position closed, its conditions cleared or a different recommendation superseded it.
/// </summary>
public enum AdjustmentStatus
{
    Pending,
    Approved,
    Executed,
    Failed,
    Rejected,
    Ignored,
    Expired,
}
