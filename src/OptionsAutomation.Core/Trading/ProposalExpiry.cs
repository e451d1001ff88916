using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Proposals nobody decided within their approval window become EXPIRED (by <c>system</c>, audited and alerted), all
/// of them in one journal entry. Run by the expiry job every minute and before proposals are listed or screened.
/// </summary>
public sealed class ProposalExpiry(ITradingJournal journal)
{
    /// <returns>The proposals this call expired.</returns>
    public async Task<IReadOnlyList<TradeProposal>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var due = await entry.LockDueProposalsAsync(now, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return [];
        }

        var expired = due.Select(p => ProposalBooking.Expire(p, now)).ToList();
        await entry.CommitAsync([.. expired.SelectMany(e => e.Events)], now, cancellationToken).ConfigureAwait(false);
        return [.. expired.Select(e => e.Moved)];
    }
}
