using System.Collections.Concurrent;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// Stands in the roll executor's place: records each request and answers with <see cref="Answer"/>. These tests pin what
/// approval asks of the port and how often, and how it takes answers the roll service gives rarely (an order still
/// UNKNOWN); the roll order itself has its own tests, and the Telegram Roll button rolls through the real service.
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
