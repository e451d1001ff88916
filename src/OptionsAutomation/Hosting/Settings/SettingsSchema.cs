using System.Reflection;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Reconciliation;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Infrastructure.MarketData.TradeStation;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Publishing;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Web;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Hosting.Settings;

/// <summary>
/// The shape of every configuration section the application binds to a settings record, read from the records
/// themselves: a key in one of these sections that no record has is a typo, not a setting. Sections bound
/// nowhere (Logging, Serilog, ConnectionStrings, AllowedHosts…) are not described and stay free.
/// </summary>
internal static class SettingsSchema
{
    /// <summary>Each bound section and what binds it; a section bound twice (Risk, Broker) accepts both records' keys.</summary>
    private static readonly IReadOnlyList<(string Path, Type Type)> Bound =
    [
        (ExitRuleSettings.SectionName, typeof(ExitRuleSettings)),
        (MorningBriefSettings.SectionName, typeof(MorningBriefSettings)),
        (PositionSettings.SectionName, typeof(PositionSettings)),
        (PricingSettings.SectionName, typeof(PricingSettings)),
        (ProposalSettings.SectionName, typeof(ProposalSettings)),
        (SizingSettings.SectionName, typeof(SizingSettings)),
        (ScalingInSettings.SectionName, typeof(ScalingInSettings)),
        (ExecutionSettings.SectionName, typeof(ExecutionSettings)),
        (RiskSettings.SectionName, typeof(RiskSettings)),
        (RiskSettings.SectionName, typeof(PortfolioRiskSettings)),
        (ReconciliationSettings.SectionName, typeof(ReconciliationSettings)),
        (AdjustmentSettings.SectionName, typeof(AdjustmentSettings)),
        (BrokerProvider.Key, typeof(string)),
        (PaperBrokerSettings.SectionName, typeof(PaperBrokerSettings)),
        (BrokerResilienceSettings.SectionName, typeof(BrokerResilienceSettings)),
        (TradeStationSettings.SectionName, typeof(TradeStationSettings)),
        (MarketDataRegistration.ProviderKey, typeof(string)),
        (SyntheticMarketDataSettings.SectionName, typeof(SyntheticMarketDataSettings)),
        (CsvMarketDataSettings.SectionName, typeof(CsvMarketDataSettings)),
        (TradeStationMarketDataSettings.SectionName, typeof(TradeStationMarketDataSettings)),
        (AuditSettings.SectionName, typeof(AuditSettings)),
        (AlertSettings.SectionName, typeof(AlertSettings)),
        (TelegramSettings.SectionName, typeof(TelegramSettings)),
        (ServiceSettings.SectionName, typeof(ServiceSettings)),
        (JobSettings.SectionName, typeof(JobSettings)),
        (BacktestSettings.SectionName, typeof(BacktestSettings)),
        (PublishingSettings.SectionName, typeof(PublishingSettings)),
    ];

    /// <summary>The root: an object whose children are the bound sections.</summary>
    public static SettingsNode.Object Root { get; } = BuildRoot();

    private static SettingsNode.Object BuildRoot()
    {
        var root = new SettingsNode.Object(new Dictionary<string, SettingsNode>(StringComparer.OrdinalIgnoreCase), null);
        foreach (var (path, type) in Bound)
        {
            root.Add(path.Split(':'), SettingsNode.Of(type));
        }

        return root;
    }
}

/// <summary>What a configuration key may hold: a value of a type, a map of any keys, a list, or named settings.</summary>
internal abstract record SettingsNode
{
    /// <summary>A value converted as the configuration binder converts it; <see cref="Example"/> is the record's default, if any.</summary>
    public sealed record Value(Type Type, object? Example) : SettingsNode;

    /// <summary>Any key (a ticker, an alert kind); each holds <see cref="Item"/>.</summary>
    public sealed record Map(SettingsNode Item) : SettingsNode;

    /// <summary>Keys 0, 1, …; each holds <see cref="Item"/>.</summary>
    public sealed record List(SettingsNode Item) : SettingsNode;

    /// <summary>Named settings (a record's bindable properties), matched ignoring case as the binder does.</summary>
    public sealed record Object(Dictionary<string, SettingsNode> Children, Type? Type) : SettingsNode
    {
        /// <summary>Places <paramref name="node"/> at <paramref name="path"/>, merging with what is there (two records on one section).</summary>
        public void Add(ReadOnlySpan<string> path, SettingsNode node)
        {
            if (path.Length == 1)
            {
                Children[path[0]] = Children.TryGetValue(path[0], out var existing) && existing is Object have && node is Object add
                    ? Merge(have, add)
                    : node;
                return;
            }

            if (!Children.TryGetValue(path[0], out var child) || child is not Object)
            {
                child = new Object(new Dictionary<string, SettingsNode>(StringComparer.OrdinalIgnoreCase), null);
                Children[path[0]] = child;
            }

            ((Object)child).Add(path[1..], node);
        }

        private static Object Merge(Object a, Object b)
        {
            foreach (var (name, node) in b.Children)
            {
                a.Add([name], node);
            }

            return a;
        }
    }

    /// <summary>Types whose text the binder converts (with their TypeConverter) rather than binding children into.</summary>
    public static bool IsValueType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateTimeOffset)
            || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan) || t == typeof(Guid) || t == typeof(Uri);
    }

    public static SettingsNode Of(Type type) => Of(type, null, depth: 0);

    private static SettingsNode Of(Type type, object? example, int depth)
    {
        if (IsValueType(type))
        {
            return new Value(type, example);
        }

        if (depth > 8)
        {
            // Settings records are shallow; a deeper type is something the binder walks on its own terms.
            return new Map(new Value(typeof(string), null));
        }

        if (DictionaryValueType(type) is { } item)
        {
            return new Map(Of(item, null, depth + 1));
        }

        if (type.IsArray || ListItemType(type) is not null)
        {
            return new List(Of(type.IsArray ? type.GetElementType()! : ListItemType(type)!, null, depth + 1));
        }

        var defaults = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        var children = new Dictionary<string, SettingsNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The binder sets writable (and init) properties; computed ones (ReconciliationSettings.Cron) are not settings.
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                children[property.Name] = Of(property.PropertyType, defaults is null ? null : property.GetValue(defaults), depth + 1);
            }
        }

        return new Object(children, type);
    }

    private static Type? DictionaryValueType(Type type) =>
        (type.IsGenericType ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    private static Type? ListItemType(Type type) =>
        type == typeof(string) ? null
        : (type.IsGenericType ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
