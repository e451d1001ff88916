using System.Collections.Concurrent;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// Stands where the roll order's executor (built separately) will be: records each request and answers with
/// <see cref="Answer"/>. What these tests pin is what approval asks of it and how often, not the order itself.
/// </summary>
internal sealed class RecordingRollExecutor : IRollExecutor
{
    public ConcurrentQueue<RollRequest> Requests { get; } = new();

    public Func<RollRequest, RollResult> Answer { get; init; } = request => new RollResult(request.PositionId, 4242, null, null);

    public Task<RollResult> RollAsync(RollRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(Answer(request));
    }
}
