using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>One leg of an order at the server: ExecQuantity cumulative, ExecutionPrice the average so far.</summary>
public sealed class TsServerLeg
{
    public required string Symbol { get; init; }

    public required string TradeAction { get; init; }

    public required int QuantityOrdered { get; init; }

    public int ExecQuantity { get; set; }

    public decimal? ExecutionPrice { get; set; }

    public bool Buys => TradeAction.StartsWith("BUY", StringComparison.Ordinal);
}

/// <summary>An order at the server, as the test drives it.</summary>
public sealed class TsServerOrder
{
    public required string OrderId { get; init; }

    public required string AccountId { get; init; }

    public required string? ConfirmId { get; init; }

    public required List<TsServerLeg> Legs { get; init; }

    public required string OrderType { get; init; }

    public string? LimitPrice { get; set; }

    public string Status { get; set; } = "OPN";

    public decimal CommissionFee { get; set; }

    public DateTimeOffset Opened { get; init; }

    public DateTimeOffset? Closed { get; set; }

    public string? RejectReason { get; set; }

    public bool IsOpen => Status is "ACK" or "DON" or "OPN" or "FPR" or "RPD" or "RSN" or "UCN";
}

/// <summary>
/// Order execution (<c>POST /orderexecution/orderconfirm</c>, <c>POST|PUT|DELETE /orderexecution/orders</c>) and order
/// status (<c>GET /brokerage/accounts/{ids}/orders[/{orderIds}]</c>, <c>…/historicalorders</c>). Orders rest (OPN) until the
/// test fills them (<see cref="Fill"/>), in parts if it likes, or a matching rule does (<c>TradeStationServer.Matching.cs</c>);
/// fills move the account's positions; commissions are <see cref="CommissionPerContract"/>. Hooks provoke a rejection, a
/// placement whose answer never arrives, and a fill racing a replace.
/// </summary>
public sealed partial class TradeStationServer
{
    /// <summary>Commission per contract executed, added to the order's cumulative CommissionFee.</summary>
    public decimal CommissionPerContract { get; set; } = 0.60m;

    private static readonly string[] TradeActions = ["BUYTOOPEN", "SELLTOOPEN", "BUYTOCLOSE", "SELLTOCLOSE"];

    private readonly List<TsServerOrder> _orders = [];
    private long _nextOrderId = 900_000_001;
    private string? _rejectNext;
    private TimeSpan _holdNextPlacementAnswer;
    private Action<TsServerOrder>? _beforeNextReplace;

    public IReadOnlyList<TsServerOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    /// <summary>The next placed order is created in REJ with this reason (answered as an <c>Errors</c> item inside a 200).</summary>
    public void RejectNextOrder(string reason) => _rejectNext = reason;

    /// <summary>The next placed order is created, but its answer is held back this long (longer than the client waits).</summary>
    public void HoldNextPlacementAnswer(TimeSpan delay) => _holdNextPlacementAnswer = delay;

    /// <summary>Runs just before the next replace is handled, e.g. to fill the order so the replace races the fill.</summary>
    public void BeforeNextReplace(Action<TsServerOrder> action) => _beforeNextReplace = action;

    /// <summary>
    /// Executes <paramref name="units"/> more spread units at the given per-leg prices (per share, positive), in the
    /// order's leg order; the status becomes FPR or FLL.
    /// </summary>
    public void Fill(string orderId, int units, params decimal[] legPrices)
    {
        lock (_gate)
        {
            var order = _orders.Single(o => o.OrderId == orderId);
            var unit = order.Legs.Select(l => l.QuantityOrdered).Aggregate(Gcd);
            for (var i = 0; i < order.Legs.Count; i++)
            {
                var leg = order.Legs[i];
                var added = units * leg.QuantityOrdered / unit;
                var total = leg.ExecQuantity + added;
                leg.ExecutionPrice = Math.Round(((leg.ExecutionPrice ?? 0m) * leg.ExecQuantity + legPrices[i] * added) / total, 4);
                leg.ExecQuantity = total;
                order.CommissionFee += CommissionPerContract * added;
                MovePosition(order.AccountId, leg, added, legPrices[i]);
            }

            var done = order.Legs.All(l => l.ExecQuantity >= l.QuantityOrdered);
            order.Status = done ? "FLL" : "FPR";
            order.Closed = done ? Clock.GetUtcNow() : null;
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    partial void MapOrders(RouteGroupBuilder api)
    {
        api.MapPost("/orderexecution/orderconfirm", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (Invalid(body.RootElement) is { } problem)
            {
                return Error(400, "BadRequest", problem);
            }

            var legs = LegsOf(body.RootElement);
            var limit = Text(body.RootElement, "LimitPrice");
            var contracts = legs.Sum(l => l.QuantityOrdered);
            var estimate = decimal.Parse(limit ?? "0", CultureInfo.InvariantCulture);
            return Json(new
            {
                Confirmations = new[]
                {
                    new
                    {
                        OrderAssetCategory = "OPTION",
                        OrderConfirmID = Text(body.RootElement, "OrderConfirmID") ?? Guid.NewGuid().ToString("N")[..22],
                        EstimatedPrice = limit,
                        EstimatedCost = Money(estimate * 100m * legs.Min(l => l.QuantityOrdered)),
                        DebitCreditEstimatedCost = Money(estimate * 100m * legs.Min(l => l.QuantityOrdered)),
                        EstimatedCommission = Money(CommissionPerContract * contracts),
                        SummaryMessage = $"{legs.Min(l => l.QuantityOrdered)} {string.Join(" / ", legs.Select(l => $"{l.TradeAction} {l.Symbol}"))} @ {limit} Limit\r\nDAY",
                        Legs = legs.Select(l => new { l.Symbol, l.TradeAction, Quantity = l.QuantityOrdered.ToString(CultureInfo.InvariantCulture) }),
                        LimitPrice = limit,
                    },
                },
            });
        });

        api.MapPost("/orderexecution/orders", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (Invalid(body.RootElement) is { } problem)
            {
                return Error(400, "BadRequest", problem);
            }

            TsServerOrder order;
            string? rejected;
            TimeSpan hold;
            lock (_gate)
            {
                order = new TsServerOrder
                {
                    OrderId = (_nextOrderId++).ToString(CultureInfo.InvariantCulture),
                    AccountId = Text(body.RootElement, "AccountID")!,
                    ConfirmId = Text(body.RootElement, "OrderConfirmID"),
                    Legs = LegsOf(body.RootElement),
                    OrderType = Text(body.RootElement, "OrderType")!,
                    LimitPrice = Text(body.RootElement, "LimitPrice"),
                    Opened = Clock.GetUtcNow(),
                };
                rejected = _rejectNext;
                _rejectNext = null;
                if (rejected is not null)
                {
                    order.Status = "REJ";
                    order.RejectReason = rejected;
                    order.Closed = order.Opened;
                }

                _orders.Insert(0, order);
                hold = _holdNextPlacementAnswer;
                _holdNextPlacementAnswer = TimeSpan.Zero;
            }

            if (hold > TimeSpan.Zero)
            {
                await Task.Delay(hold, CancellationToken.None);
            }

            return rejected is null
                ? Json(new { Orders = new[] { new { Message = $"Sent order: {order.Legs.Count} leg(s) @ {order.LimitPrice} {order.OrderType}", OrderID = order.OrderId } } })
                : Json(new { Errors = new[] { new { Error = "FAILED", Message = $"Order failed. Reason: {rejected}", OrderID = order.OrderId } } });
        });

        api.MapDelete("/orderexecution/orders/{orderId}", (string orderId) =>
        {
            lock (_gate)
            {
                var order = _orders.FirstOrDefault(o => o.OrderId == orderId);
                if (order is null)
                {
                    return Error(400, "BadRequest", "Invalid order ID.");
                }

                if (!order.IsOpen)
                {
                    return Error(400, "BadRequest", "Not an open order.");
                }

                order.Status = order.Legs.Any(l => l.ExecQuantity > 0) ? "FLP" : "CAN";
                order.Closed = Clock.GetUtcNow();
                return Json(new { Message = "Cancel request sent", OrderID = orderId });
            }
        });

        api.MapPut("/orderexecution/orders/{orderId}", async (string orderId, HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            TsServerOrder? order;
            lock (_gate)
            {
                order = _orders.FirstOrDefault(o => o.OrderId == orderId);
            }

            if (order is null)
            {
                return Error(400, "BadRequest", "Invalid order ID.");
            }

            Interlocked.Exchange(ref _beforeNextReplace, null)?.Invoke(order);
            lock (_gate)
            {
                if (!order.IsOpen)
                {
                    return Error(400, "BadRequest", "Failed to Cancel/Replace order: Not an open order.");
                }

                if (Text(body.RootElement, "LimitPrice") is not { } limit)
                {
                    return Error(400, "BadRequest", "LimitPrice is required.");
                }

                order.LimitPrice = limit;
                return Json(new { Message = "Cancel/Replace order sent.", OrderID = orderId });
            }
        });

        api.MapGet("/brokerage/accounts/{ids}/orders", (string ids) =>
        {
            MatchRestingOrders();
            return PerAccountMany(ids, "Orders", a => _orders.Where(o => o.AccountId == a.AccountId).Select(Render));
        });

        api.MapGet("/brokerage/accounts/{ids}/orders/{orderIds}", (string ids, string orderIds) =>
        {
            MatchRestingOrders();
            var wanted = orderIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return PerAccountMany(ids, "Orders", a => _orders.Where(o => o.AccountId == a.AccountId && wanted.Contains(o.OrderId)).Select(Render));
        });

        // The order stream (v3): the account's orders as a snapshot, one JSON object per chunk split mid-object, a
        // heartbeat, EndSnapshot, then GoAway, and the server closes.
        api.MapGet("/brokerage/stream/accounts/{ids}/orders", async (string ids, HttpContext context) =>
        {
            context.Response.ContentType = "application/vnd.tradestation.streams.v3+json";
            List<string> frames;
            lock (_gate)
            {
                frames = [.. _orders.Where(o => ids.Split(',').Contains(o.AccountId)).Select(o => JsonSerializer.Serialize(Render(o)))];
            }

            frames.Add("""{"Heartbeat":1,"Timestamp":"2026-03-02T15:00:05Z"}""");
            frames.Add("""{"StreamStatus":"EndSnapshot"}""");
            frames.Add("""{"StreamStatus":"GoAway"}""");
            foreach (var frame in frames)
            {
                var half = frame.Length / 2;
                await context.Response.WriteAsync(frame[..half], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await context.Response.WriteAsync(frame[half..] + "\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });

        api.MapGet("/brokerage/accounts/{ids}/historicalorders", (string ids, string? since) => since is null
            ? Error(400, "BadRequest", "since is required.")
            : PerAccountMany(ids, "Orders", a => _orders.Where(o => o.AccountId == a.AccountId && !o.IsOpen).Select(Render)));
    }

    private object Render(TsServerOrder order) => new
    {
        AccountID = order.AccountId,
        CommissionFee = Money(order.CommissionFee),
        ClosedDateTime = order.Closed?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        Duration = "DAY",
        FilledPrice = order.Legs.All(l => l.ExecutionPrice is not null)
            ? Money(order.Legs.Sum(l => (l.Buys ? 1 : -1) * l.ExecutionPrice!.Value * l.QuantityOrdered) / order.Legs.Select(l => l.QuantityOrdered).Aggregate(Gcd))
            : "0",
        Legs = order.Legs.Select(l => new Dictionary<string, object?>
        {
            ["OpenOrClose"] = l.TradeAction.EndsWith("OPEN", StringComparison.Ordinal) ? "Open" : "Close",
            ["QuantityOrdered"] = l.QuantityOrdered.ToString(CultureInfo.InvariantCulture),
            ["ExecQuantity"] = l.ExecQuantity.ToString(CultureInfo.InvariantCulture),
            ["QuantityRemaining"] = (l.QuantityOrdered - l.ExecQuantity).ToString(CultureInfo.InvariantCulture),
            ["BuyOrSell"] = l.Buys ? "Buy" : "Sell",
            ["Symbol"] = l.Symbol,
            ["AssetType"] = "STOCKOPTION",
            ["OptionType"] = l.Symbol.Split(' ')[1][6] == 'P' ? "PUT" : "CALL",
            ["ExecutionPrice"] = l.ExecutionPrice is { } price ? Money(price) : null,
        }.Where(p => p.Value is not null).ToDictionary()),
        LimitPrice = order.LimitPrice,
        OpenedDateTime = order.Opened.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        OrderID = order.OrderId,
        OrderType = order.OrderType,
        order.RejectReason,
        order.Status,
        StatusDescription = order.Status switch
        {
            "OPN" => "Sent",
            "FPR" => "Partial Fill (Alive)",
            "FLL" => "Filled",
            "FLP" => "Partial Fill (UROut)",
            "CAN" => "Canceled",
            "REJ" => "Rejected",
            _ => order.Status,
        },
    };

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The API's rules for the fields we use: numbers as strings, a known account, valid trade actions, a limit for Limit.
    private string? Invalid(JsonElement body)
    {
        if (Text(body, "AccountID") is not { } account || !_accounts.Any(a => a.AccountId == account))
        {
            return "AccountID is missing or unknown.";
        }

        if (Text(body, "OrderType") is not ("Limit" or "Market"))
        {
            return "OrderType must be Limit or Market.";
        }

        if (Text(body, "OrderType") == "Limit" && !decimal.TryParse(Text(body, "LimitPrice"), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return "LimitPrice must be a number sent as a string.";
        }

        var legs = body.TryGetProperty("Legs", out var array)
            ? array.EnumerateArray().Select(l => (Text(l, "Symbol"), Text(l, "Quantity"), Text(l, "TradeAction"))).ToList()
            : [(Text(body, "Symbol"), Text(body, "Quantity"), Text(body, "TradeAction"))];
        return legs.All(l => l.Item1 is { Length: > 0 } && int.TryParse(l.Item2, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q > 0 && TradeActions.Contains(l.Item3))
            ? null
            : "Each leg needs a Symbol, a Quantity (a whole number as a string) and a TradeAction.";
    }

    private static List<TsServerLeg> LegsOf(JsonElement body)
    {
        var legs = body.TryGetProperty("Legs", out var array) ? array.EnumerateArray().ToList() : [body];
        return [.. legs.Select(l => new TsServerLeg
        {
            Symbol = Text(l, "Symbol")!,
            TradeAction = Text(l, "TradeAction")!,
            QuantityOrdered = int.Parse(Text(l, "Quantity")!, CultureInfo.InvariantCulture),
        })];
    }
}
