using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Hosting;

/// <summary>Stands in for the roll order until it is built: every roll is refused before anything is sent.</summary>
internal sealed class UnavailableRollExecutor : IRollExecutor
{
    public Task<RollResult> RollAsync(RollRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new RollResult(request.PositionId, null, null, "rolls are not available in this build"));
    }
}
