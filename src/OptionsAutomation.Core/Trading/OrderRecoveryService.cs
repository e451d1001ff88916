using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// At start-up and every minute: finishes what a crash or an unanswered broker call left half done. Every order not
/// in a final state is taken up by its owner — an opening order by <see cref="ApprovalService.ResumeAsync"/>, a closing
/// order by <see cref="ExitService.ResumeCloseAsync"/> — which asks the broker by client order id, applies what it
/// missed and finishes or fails the proposal or close, alerting once. Proposals left APPROVED (nothing sent) fail.
/// Anything someone is working on right now is skipped (their locks), so recovery never races a live approval or close.
/// </summary>
public sealed class OrderRecoveryService(IOrderRecords orders, IProposalStore proposals, ApprovalService approvals, ExitService exits)
{
    /// <returns>One line per order or proposal it finished, saying how.</returns>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var resumed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in await orders.ListWorkingAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (order)
            {
                case { Intent: OrderIntent.Open, RequestId: { } requestId }:
                    resumed.Add(requestId);
                    if (await approvals.ResumeAsync(requestId, cancellationToken).ConfigureAwait(false) is { } approval)
                    {
                        done.Add($"{order.ClientOrderId}: {approval.Message}");
                    }

                    break;
                case { Intent: OrderIntent.Close, PositionId: not null }:
                    if (await exits.ResumeCloseAsync(order, cancellationToken).ConfigureAwait(false) is { } close)
                    {
                        done.Add($"{order.ClientOrderId}: {(close.Closed is { } closed ? $"booked {closed.Trade.Quantity} closed, P&L {closed.Trade.PnlRealized:0.00}" : close.OrderError)}");
                    }

                    break;
            }
        }

        foreach (var status in (ProposalStatus[])[ProposalStatus.Approved, ProposalStatus.Executing])
        {
            foreach (var proposal in await proposals.ListAsync(status, 1000, cancellationToken).ConfigureAwait(false))
            {
                if (resumed.Add(proposal.RequestId) && await approvals.ResumeAsync(proposal.RequestId, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    done.Add($"{proposal.RequestId}: {outcome.Message}");
                }
            }
        }

        return done;
    }
}
