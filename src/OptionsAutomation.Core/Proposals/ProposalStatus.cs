namespace OptionsAutomation.Core.Proposals;

/// <summary>Life of a proposal (design.md): EXECUTED only on a fill.</summary>
public enum ProposalStatus
{
    Proposed,
    Approved,
    Executing,
    Executed,
    Rejected,
    Expired,
    Failed,
}
