using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>An account as the server holds it; money as the strings the API sends.</summary>
public sealed record TsAccount(
    string AccountId,
    string Status = "Active",
    string AccountType = "Margin",
    int OptionApprovalLevel = 3,
    string CashBalance = "100000",
    string BuyingPower = "95000",
    string Equity = "101250.5",
    string OptionBuyingPower = "90000");

/// <summary>An option position as the server reports it (negative quantity when short).</summary>
public sealed record TsPosition(string AccountId, string Symbol, string Quantity, string AveragePrice, string AssetType = "STOCKOPTION", string? ExpirationDate = null);

/// <summary>
/// Brokerage reads: <c>GET /brokerage/accounts</c>, <c>…/accounts/{ids}/balances</c>, <c>…/accounts/{ids}/positions</c>.
/// Unknown account ids come back inside the 200 as <c>Errors</c>, as the API does.
/// </summary>
public sealed partial class TradeStationServer
{
    public const string SimAccountId = "SIM1234567M";

    private readonly List<TsAccount> _accounts = [new(SimAccountId)];
    private readonly List<TsPosition> _positions = [];

    /// <summary>Replaces the accounts (the default is one active margin account, <see cref="SimAccountId"/>).</summary>
    public void SetAccounts(params TsAccount[] accounts)
    {
        lock (_gate)
        {
            _accounts.Clear();
            _accounts.AddRange(accounts);
        }
    }

    /// <summary>The account positions now: those added by the test and those the fills made.</summary>
    public IReadOnlyList<TsPosition> Positions
    {
        get
        {
            lock (_gate)
            {
                return [.. _positions];
            }
        }
    }

    public void AddPosition(TsPosition position)
    {
        lock (_gate)
        {
            _positions.Add(position);
        }
    }

    private void MapAccounts(RouteGroupBuilder api)
    {
        api.MapGet("/brokerage/accounts", () =>
        {
            lock (_gate)
            {
                return Json(new
                {
                    Accounts = _accounts.Select(a => new
                    {
                        AccountID = a.AccountId,
                        Currency = "USD",
                        a.Status,
                        a.AccountType,
                        AccountDetail = new { a.OptionApprovalLevel, DayTradingQualified = true, IsStockLocateEligible = false },
                    }),
                });
            }
        });

        api.MapGet("/brokerage/accounts/{ids}/balances", (string ids) => PerAccount(ids, a => new
        {
            AccountID = a.AccountId,
            a.AccountType,
            a.CashBalance,
            a.BuyingPower,
            a.Equity,
            MarketValue = "0",
            TodaysProfitLoss = "0",
            UnclearedDeposit = "0",
            BalanceDetail = new { a.OptionBuyingPower, RequiredMargin = "0", DayTradeExcess = "0" },
            Commission = "0",
        }, "Balances", _ => true));

        api.MapGet("/brokerage/accounts/{ids}/positions", (string ids) => PerAccountMany(ids, "Positions", a =>
            _positions.Where(p => p.AccountId == a.AccountId).Select(p => (object)new
            {
                AccountID = p.AccountId,
                p.AveragePrice,
                p.AssetType,
                Bid = "0",
                Ask = "0",
                LongShort = p.Quantity.StartsWith('-') ? "Short" : "Long",
                PositionID = $"{Math.Abs(p.Symbol.GetHashCode(StringComparison.Ordinal))}",
                p.Quantity,
                p.Symbol,
                p.ExpirationDate,
                UnrealizedProfitLoss = "0",
            })));
    }

    private IResult PerAccount(string ids, Func<TsAccount, object> render, string property, Func<TsAccount, bool> include) =>
        PerAccountMany(ids, property, a => include(a) ? [render(a)] : []);

    // Known ids answer their items; the others an Errors entry each, all inside a 200.
    private IResult PerAccountMany(string ids, string property, Func<TsAccount, IEnumerable<object>> items)
    {
        lock (_gate)
        {
            var requested = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var found = requested.Select(id => _accounts.FirstOrDefault(a => a.AccountId == id)).OfType<TsAccount>().ToList();
            var errors = requested.Where(id => found.All(a => a.AccountId != id))
                .Select(id => new { AccountID = id, Error = "Forbidden", Message = "Request not supported for account type." });
            return Json(new Dictionary<string, object>
            {
                [property] = found.SelectMany(items).ToList(),
                ["Errors"] = errors.ToList(),
            });
        }
    }
}
