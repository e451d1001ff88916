using System.CommandLine;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Publishing;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto publish --out DIR [--date DATE]</c>: the public performance site of a session (default the last closed
/// one) through the static-site adapter. Position sizes only with <c>Publishing:ShowSizes</c>.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write index.html, card.png and performance.json to", Required = true };
        var date = CliOptions.Date("--date", "New York session date (default: the last session whose close has passed)");
        var command = new Command("publish", "Write the public performance site: equity and drawdown charts, the scorecard card, the figures as JSON")
        {
            output, date,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var publication = await services.Get<PerformancePublicationReader>().ReadAsync(parse.GetValue(date), cancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException($"{parse.GetValue(date):yyyy-MM-dd} has no scorecard: it is not a NYSE session, or its close has not come yet.");
            var directory = parse.GetValue(output)!.FullName;
            await new StaticSitePublisher(directory)
                .PublishAsync(publication, services.Get<IScorecardCard>().Png(publication.Scorecard), cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"Published performance to {publication.AsOf:yyyy-MM-dd} in {directory}: {StaticSitePublisher.Page}, {StaticSitePublisher.Card}, {StaticSitePublisher.Figures}");
            return CliAction.Ok;
        });
        return command;
    }
}
