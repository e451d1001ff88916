namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>What an inline button asks for. Each is one character on the wire to leave room for the id.</summary>
public enum CallbackAction
{
    /// <summary>Approve the proposal whose request id the button carries.</summary>
    Approve,

    /// <summary>Reject the proposal.</summary>
    Reject,

    /// <summary>Confirm a <c>/close ID</c>: close the position now.</summary>
    ConfirmClose,

    /// <summary>Cancel a <c>/close ID</c>.</summary>
    CancelClose,

    /// <summary>Confirm a <c>/flatten [TICKER]</c>: the emergency reduction now (the id is the ticker, or <c>*</c> for all).</summary>
    ConfirmFlatten,

    /// <summary>Cancel a <c>/flatten</c>.</summary>
    CancelFlatten,

    /// <summary>Approve the adjustment recommendation whose id the button carries: roll, reduce or close as it says.</summary>
    ApproveAdjustment,

    /// <summary>Approve the recommendation as a close of every open contract instead of its roll or reduction.</summary>
    CloseInstead,

    /// <summary>Dismiss the recommendation (IGNORED); a later tick may recommend again.</summary>
    IgnoreAdjustment,
}
