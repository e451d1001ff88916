namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// The answer to an approval or a rejection. Every caller for one proposal gets the same answer: the
/// proposal's status after the one execution, with the position and fill price when it filled.
/// </summary>
public sealed record ApprovalOutcome(string RequestId, ProposalStatus Status, string Message, long? PositionId, decimal? FillPrice)
{
    public static ApprovalOutcome Of(TradeProposal proposal, string message, decimal? fillPrice = null) =>
        new(proposal.RequestId, proposal.Status, message, proposal.PositionId, fillPrice);
}
