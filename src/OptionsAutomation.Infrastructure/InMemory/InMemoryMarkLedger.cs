using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// Marks in the in-memory book, one transaction each as <c>PostgresMarkLedger</c> writes them: only onto an OPEN position
/// of the size the mark was computed for (a close that came first wins), with its alert. Marks are not audited here.
/// </summary>
internal sealed class InMemoryMarkLedger(BookState state) : IMarkLedger
{
    public Task RecordMarksAsync(IReadOnlyList<MarkRecord> marks, string? person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The in-memory book has no batches to save: each mark is its own change.
        foreach (var (update, alert) in marks)
        {
            if (state.Position(update.PositionId) is not { Status: PositionStatus.Open } position || position.Quantity != update.Quantity)
            {
                continue;
            }

            state.Begin();
            state.SetPosition(update.ApplyTo(position, now));
            if (alert is not null)
            {
                state.Enqueue(alert);
            }

            state.Commit();
        }

        return Task.CompletedTask;
    }
}
