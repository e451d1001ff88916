using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// At start-up and every minute: finishes what a crash or an unanswered broker call left half done. Every order not
/// in a final state is taken up by its owner — an opening order by <see cref="ApprovalService.ResumeAsync"/>, a closing
/// order by <see cref="ExitService.ResumeCloseAsync"/>, a roll order by <see cref="Adjustments.RollService.ResumeAsync"/> — which asks the broker by client order id, applies what it
/// missed and finishes or fails the proposal or close, alerting once. Proposals left APPROVED (nothing sent) fail.
/// Anything someone is working on right now is skipped (their locks), so recovery never races a live approval or close.
/// One order that cannot be finished (the broker does not answer, a fill that cannot be booked) is reported, alerted
/// once and left for the next run; it never holds back the others.
/// </summary>
public sealed class OrderRecoveryService(
    IOrderRecords orders, IProposalStore proposals, ApprovalService approvals, ExitService exits, Adjustments.RollService rolls, IAlertQueue alerts, TimeProvider clock)
{
    /// <returns>One line per order or proposal it finished (or could not), saying how.</returns>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var resumed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in await orders.ListWorkingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (order.RequestId is { } owner && order.Intent == OrderIntent.Open)
            {
                resumed.Add(owner);
            }

            await AttemptAsync(order.ClientOrderId, done, () => ResumeAsync(order, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        foreach (var status in (ProposalStatus[])[ProposalStatus.Approved, ProposalStatus.Executing])
        {
            foreach (var proposal in await proposals.ListAsync(status, 1000, cancellationToken).ConfigureAwait(false))
            {
                if (resumed.Add(proposal.RequestId))
                {
                    await AttemptAsync(proposal.RequestId, done, async () =>
                        (await approvals.ResumeAsync(proposal.RequestId, cancellationToken).ConfigureAwait(false))?.Message, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return done;
    }

    private async Task<string?> ResumeAsync(WorkingOrder order, CancellationToken cancellationToken)
    {
        switch (order)
        {
            case { Intent: OrderIntent.Open, RequestId: { } requestId }:
                return (await approvals.ResumeAsync(requestId, cancellationToken, order.CreatedAt).ConfigureAwait(false))?.Message;
            case { Intent: OrderIntent.Close, PositionId: not null }:
                return await exits.ResumeCloseAsync(order, cancellationToken).ConfigureAwait(false) is { } close
                    ? close.Closed is { } closed ? $"booked {closed.Trade.Quantity} closed, P&L {closed.Trade.PnlRealized:0.00}" : close.OrderError
                    : null;
            case { Intent: OrderIntent.Roll, PositionId: not null }:
                return await rolls.ResumeAsync(order, cancellationToken).ConfigureAwait(false) is { } roll
                    ? roll.NewPositionId is { } rolled ? $"rolled {roll.Order?.FilledQuantity} into position {rolled}" : roll.Problem
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Runs one resumption; a failure is that item's finding (line and alert), not the end of the run.</summary>
    private async Task AttemptAsync(string id, List<string> done, Func<Task<string?>> resume, CancellationToken cancellationToken)
    {
        try
        {
            if (await resume().ConfigureAwait(false) is { } line)
            {
                done.Add($"{id}: {line}");
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            done.Add($"{id}: not recovered ({e.Message}); tried again next run");
            await alerts.EnqueueAsync(Alert.RecoveryFailed(id, e.Message, clock.GetUtcNow()), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }
}
