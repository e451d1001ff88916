using System.Text.Json;
using Npgsql;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Publishing;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The webhook adapter: queues the day's scorecard (as <c>/api/scorecard</c> gives it) and its card in the outbox's
/// <c>webhook</c> channel under the key <c>scorecard:{date}</c>, for <see cref="WebhookDelivery"/> to post. Registered
/// only when <c>Publishing:WebhookUrl</c> is set.
/// </summary>
internal sealed class WebhookPublisher(NpgsqlDataSource dataSource, TimeProvider clock) : IPerformancePublisher
{
    public Task PublishAsync(PerformancePublication publication, byte[] card, CancellationToken cancellationToken) =>
        WebhookOutbox.EnqueueAsync(
            dataSource,
            $"scorecard:{publication.AsOf:yyyy-MM-dd}:webhook",
            JsonSerializer.Serialize(ScorecardJson.Of(publication.Scorecard), DomainJson.Options),
            card,
            clock.GetUtcNow(),
            cancellationToken);
}
