using System.Text.Json;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Publishing;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The static-site adapter (<c>optauto publish --out DIR</c>): <c>index.html</c> (the performance page,
/// <see cref="PerformanceSiteHtml"/>), <c>card.png</c> (the scorecard's card) and <c>performance.json</c> (the figures)
/// in <paramref name="directory"/>, each written under a temporary name and renamed, ready to copy to any static host.
/// </summary>
internal sealed class StaticSitePublisher(string directory) : IPerformancePublisher
{
    public const string Page = "index.html";
    public const string Card = "card.png";
    public const string Figures = "performance.json";

    public Task PublishAsync(PerformancePublication publication, byte[] card, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var figures = PublishedPerformanceJson.Of(publication);
        AtomicFile.WriteBytes(Path.Combine(directory, Card), card);
        AtomicFile.WriteText(Path.Combine(directory, Figures), JsonSerializer.Serialize(figures, PerformanceJson.Options) + "\n");
        AtomicFile.WriteText(Path.Combine(directory, Page), PerformanceSiteHtml.Render(figures));
        return Task.CompletedTask;
    }
}
