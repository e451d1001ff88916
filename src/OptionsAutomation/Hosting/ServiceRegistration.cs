using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Hosting;

/// <summary>The one composition of the application, shared by the CLI verbs and the worker host.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddOptionsAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ReadExitRules(configuration));
        services.AddSingleton(_ => NpgsqlDataSource.Create(PostgresConnection.Resolve(configuration)));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IPositionStore, PostgresPositionStore>();
        services.AddSingleton<PositionManager>();
        services.AddMarketData(configuration);
        return services;
    }

    /// <summary>Binds and validates <c>ExitRules</c>; invalid settings stop start-up naming the key.</summary>
    public static ExitRuleSettings ReadExitRules(IConfiguration configuration)
    {
        var rules = configuration.GetSection(ExitRuleSettings.SectionName).Get<ExitRuleSettings>() ?? new ExitRuleSettings();
        var errors = rules.Validate();
        return errors.Count == 0 ? rules : throw new InvalidConfigurationException(errors);
    }
}

/// <summary>Settings that cannot be used; the message names every bad key.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("invalid configuration: " + string.Join(" ", problems));
