namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>Appsettings section <c>Broker:Resilience</c>: how long a broker call may take and how often it is retried.</summary>
public sealed record BrokerResilienceSettings
{
    public const string SectionName = "Broker:Resilience";

    /// <summary>Each attempt is abandoned after this long.</summary>
    public double AttemptTimeoutSeconds { get; init; } = 10;

    /// <summary>Retries after the first attempt, for failures and timeouts.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff; it doubles each retry, with jitter.</summary>
    public double BaseDelaySeconds { get; init; } = 0.5;
}
