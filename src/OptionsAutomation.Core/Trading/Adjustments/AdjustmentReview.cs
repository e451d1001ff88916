using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// The exit sweep's second half: after a batch's exits, each open option position is judged by
/// <see cref="AdjustmentAdvisor"/> at the mark the sweep just took. A position keeps at most one PENDING recommendation: a new one is created (its card
/// goes out), one of the same kind is brought up to date (a new card only when its urgency rises), one of another kind is
/// EXPIRED as superseded and the new one created, and one whose conditions cleared is EXPIRED. A PENDING recommendation
/// whose position is no longer open is EXPIRED too. Each change is one journal transaction under the pending row's lock;
/// a position with nothing pending and nothing to advise costs none.
/// </summary>
public sealed class AdjustmentReview(
    IPositionStore positions,
    IMarketData marketData,
    ITradingJournal journal,
    AdjustmentSettings settings,
    ProposalSettings proposals,
    NyseCalendar calendar,
    TimeProvider clock)
{
    /// <summary>
    /// A tick of the exit sweep begins: which positions have a PENDING recommendation now (read once, so that a position
    /// with none and no advice costs no transaction).
    /// </summary>
    public async Task<AdjustmentTick> BeginTickAsync(CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var pending = await entry.LockPendingAdjustmentsAsync(cancellationToken).ConfigureAwait(false);
        return new AdjustmentTick(pending.Select(a => a.PositionId).ToHashSet());
    }

    /// <summary>
    /// Reviews a batch the exit sweep has just marked, with those marks (a tick prices each position once). Positions an
    /// exit tried to close are read again: closed ones are skipped, partly closed ones judged at their new size.
    /// </summary>
    public async Task<AdjustmentReviewOutcome> ReviewSweptAsync(IReadOnlyList<SweptPosition> batch, DateTimeOffset asOf, AdjustmentTick tick, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return new AdjustmentReviewOutcome([], []);
        }

        var kept = new List<Adjustment>();
        var failed = new List<string>();
        foreach (var swept in batch)
        {
            var position = swept.Marked.Position;
            try
            {
                if (swept.Check.Decision.Decision == Exits.ExitDecisionKind.Exit)
                {
                    if (await positions.FindAsync(position.PositionId, cancellationToken).ConfigureAwait(false) is not { Status: PositionStatus.Open } reread)
                    {
                        continue;
                    }

                    position = reread;
                }

                if (await ReviewOneAsync(position, swept.Marked.Mark, asOf, tick, cancellationToken).ConfigureAwait(false) is { } adjustment)
                {
                    kept.Add(adjustment);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add($"position {position.PositionId}: {e.Message}");
            }
        }

        return new AdjustmentReviewOutcome(kept, failed);
    }

    private async Task<Adjustment?> ReviewOneAsync(Position position, PositionMark mark, DateTimeOffset asOf, AdjustmentTick tick, CancellationToken cancellationToken)
    {
        var today = MarketTime.DateOf(asOf);
        // A chain read is costly (a stream snapshot per expiration at a real broker): only for a position that may
        // get a recommendation, once per ticker and tick.
        OptionChain? chain = null;
        if (AdjustmentAdvisor.MayRecommend(position, mark, today, settings) && !tick.Chains.TryGetValue(position.Ticker, out chain))
        {
            chain = await marketData.GetChainAsync(position.Ticker, asOf, cancellationToken).ConfigureAwait(false);
            tick.Chains[position.Ticker] = chain;
        }

        AdjustmentAdvice? Advise(bool pending) => AdjustmentAdvisor.Evaluate(position, mark, chain, today, settings, proposals, calendar, pending);
        // Nothing pending and nothing to advise: no transaction (the common case, every position every tick).
        if (!tick.HasPending(position.PositionId) && Advise(false) is null)
        {
            return null;
        }

        return await RecordAsync(position, Advise, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// PENDING recommendations whose position closed (an exit, a roll, by hand) cannot be approved: EXPIRED.
    /// </summary>
    public async Task ExpireOrphansAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var pending = await entry.LockPendingAdjustmentsAsync(cancellationToken).ConfigureAwait(false);
        // Few are pending at a time: reading their positions beats listing a book of 100,000 to find them.
        var open = new HashSet<long>();
        foreach (var adjustment in pending)
        {
            if (await positions.FindAsync(adjustment.PositionId, cancellationToken).ConfigureAwait(false) is { Status: PositionStatus.Open })
            {
                open.Add(adjustment.PositionId);
            }
        }

        var events = pending
            .Where(a => !open.Contains(a.PositionId))
            .SelectMany(a => AdjustmentBooking.Move(a, [AdjustmentStatus.Pending], AdjustmentStatus.Expired, AdjustmentBooking.SystemActor, AdjustmentBooking.PositionClosed, now)!.Value.Events)
            .ToList();
        if (events.Count > 0)
        {
            await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
