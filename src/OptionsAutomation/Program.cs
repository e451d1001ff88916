using OptionsAutomation.Cli;
using OptionsAutomation.Hosting;

var (configurationArgs, commandArgs) = AppConfiguration.SplitArguments(args);
return await OptautoCli.RunAsync(commandArgs, configurationArgs).ConfigureAwait(false);
