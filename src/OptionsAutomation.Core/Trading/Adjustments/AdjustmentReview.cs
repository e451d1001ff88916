using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// The exit sweep's second half: after the exits, every open option position is priced again and judged by
/// <see cref="AdjustmentAdvisor"/>. A position keeps at most one PENDING recommendation: a new one is created (its card
/// goes out), one of the same kind is brought up to date (a new card only when its urgency rises), one of another kind is
/// EXPIRED as superseded and the new one created, and one whose conditions cleared is EXPIRED. A PENDING recommendation
/// whose position is no longer open is EXPIRED too. Each is one journal transaction under the pending row's lock.
/// </summary>
public sealed class AdjustmentReview(
    IPositionStore positions,
    PositionValuer valuer,
    IMarketData marketData,
    ITradingJournal journal,
    AdjustmentSettings settings,
    ProposalSettings proposals,
    NyseCalendar calendar,
    TimeProvider clock)
{
    /// <summary>
    /// Reviews every open option position as of <paramref name="asOf"/>: the recommendations now PENDING, and the positions
    /// that could not be reviewed (a quote source or the database failing for one must not keep the others from review).
    /// </summary>
    public async Task<AdjustmentReviewOutcome> ReviewAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await ExpireOrphansAsync(cancellationToken).ConfigureAwait(false);
        if (!settings.Enabled)
        {
            return new AdjustmentReviewOutcome([], []);
        }

        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var chains = new Dictionary<string, OptionChain?>(StringComparer.Ordinal);
        var pending = new List<Adjustment>();
        var failed = new List<string>();
        foreach (var position in open.Where(p => p.IsOption && p.EntryDate <= asOf))
        {
            try
            {
                var mark = await valuer.MarkAsync(position, asOf, cancellationToken).ConfigureAwait(false);
                // A chain read is costly (a stream snapshot per expiration at a real broker): only for a position that may
                // get a recommendation, once per ticker and tick.
                OptionChain? chain = null;
                if (AdjustmentAdvisor.MayRecommend(position, mark, MarketTime.DateOf(asOf), settings) && !chains.TryGetValue(position.Ticker, out chain))
                {
                    chain = await marketData.GetChainAsync(position.Ticker, asOf, cancellationToken).ConfigureAwait(false);
                    chains[position.Ticker] = chain;
                }

                if (await RecordAsync(position, p => AdjustmentAdvisor.Evaluate(position, mark, chain, MarketTime.DateOf(asOf), settings, proposals, calendar, p), cancellationToken).ConfigureAwait(false) is { } kept)
                {
                    pending.Add(kept);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add($"position {position.PositionId}: {e.Message}");
            }
        }

        return new AdjustmentReviewOutcome(pending, failed);
    }

    /// <summary>Records what <paramref name="advise"/> says (given whether a recommendation is pending); returns the PENDING one after.</summary>
    private async Task<Adjustment?> RecordAsync(Position position, Func<bool, AdjustmentAdvice?> advise, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            var pending = await entry.LockPendingAdjustmentAsync(position.PositionId, cancellationToken).ConfigureAwait(false);
            var advice = advise(pending is not null);
            if (pending is null && advice is null)
            {
                return null;
            }

            if (pending is null)
            {
                var created = await entry.CreateAdjustmentAsync(Adjustment.From(advice!, position, now), cancellationToken).ConfigureAwait(false);
                await entry.CommitAsync(AdjustmentBooking.Recommended(created), now, cancellationToken).ConfigureAwait(false);
                return created;
            }

            if (advice is not null && advice.Kind == pending.Kind)
            {
                if (AdjustmentBooking.Refresh(pending, advice, now) is not { } refreshed)
                {
                    return pending;
                }

                await entry.CommitAsync(refreshed.Events, now, cancellationToken).ConfigureAwait(false);
                return refreshed.Refreshed;
            }

            var reason = advice is null ? AdjustmentBooking.ConditionsCleared : $"superseded by a {advice.Kind.ToCode()} recommendation";
            var expired = AdjustmentBooking.Move(pending, [AdjustmentStatus.Pending], AdjustmentStatus.Expired, AdjustmentBooking.SystemActor, reason, now)!.Value;
            await entry.CommitAsync(expired.Events, now, cancellationToken).ConfigureAwait(false);
            if (advice is null)
            {
                return null;
            }
        }

        // The superseded row is no longer PENDING once committed: only then may the partial unique index take the new one.
        return await RecordAsync(position, _ => advise(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PENDING recommendations whose position closed (an exit, a roll, by hand) cannot be approved: EXPIRED.</summary>
    private async Task ExpireOrphansAsync(CancellationToken cancellationToken)
    {
        var open = (await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false)).Select(p => p.PositionId).ToHashSet();
        var now = clock.GetUtcNow();
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var events = (await entry.LockPendingAdjustmentsAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => !open.Contains(a.PositionId))
            .SelectMany(a => AdjustmentBooking.Move(a, [AdjustmentStatus.Pending], AdjustmentStatus.Expired, AdjustmentBooking.SystemActor, AdjustmentBooking.PositionClosed, now)!.Value.Events)
            .ToList();
        if (events.Count > 0)
        {
            await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
