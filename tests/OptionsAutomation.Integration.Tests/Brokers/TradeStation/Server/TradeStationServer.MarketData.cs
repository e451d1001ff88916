using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>A quote snapshot as the API sends it: every number a string.</summary>
public sealed record TsQuote(string Symbol, string Last, string Bid, string Ask, string TradeTime, string DailyOpenInterest = "0");

/// <summary>A daily bar: prices as strings, stamped at the session close in UTC.</summary>
public sealed record TsBar(string Close, string TimeStamp);

/// <summary>
/// One single option of a chain as the chain stream sends it: prices and Greeks as strings, open interest and sizes as
/// integers, the expiration as a <c>…T00:00:00Z</c> date.
/// </summary>
public sealed record TsOption(
    string Symbol, string Side, string Strike, string Expiration, string Bid, string Ask, string Last, string Delta, string ImpliedVolatility, int DailyOpenInterest);

/// <summary>How the next chain stream behaves (the default is <see cref="Snapshot"/>).</summary>
public enum TsChainStream
{
    /// <summary>Heartbeat, the options (each object split across two chunks), EndSnapshot, then heartbeats until the client leaves.</summary>
    Snapshot,

    /// <summary>Half the options, then <c>{"StreamStatus":"GoAway"}</c> and the end of the stream.</summary>
    GoAway,

    /// <summary>Half the options, then the connection is aborted mid-object.</summary>
    Drop,

    /// <summary>The options, then heartbeats forever: no EndSnapshot ever comes.</summary>
    NoEndSnapshot,

    /// <summary>An <c>{"Error":"InternalServerError",…}</c> object.</summary>
    Error,
}

/// <summary>
/// Market data: <c>GET /marketdata/quotes/{symbols}</c> (≤ 100, unknown symbols in <c>Errors</c> inside the 200),
/// <c>/marketdata/barcharts/{symbol}</c> (daily, <c>barsback</c>), <c>/marketdata/options/expirations/{underlying}</c>, and
/// the chunked chain stream <c>/marketdata/stream/options/chains/{underlying}</c> (expiration as MM-dd-yyyy,
/// strikeProximity around the last price, optionType), whose behaviour tests script with <see cref="ScriptChainStream"/>.
/// </summary>
public sealed partial class TradeStationServer
{
    private readonly Dictionary<string, TsQuote> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TsBar>> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Date, string Type)>> _expirations = new(StringComparer.Ordinal);
    private readonly List<TsOption> _options = [];
    private readonly Queue<TsChainStream> _chainScripts = new();
    private int _snapshotsInFlight;

    /// <summary>
    /// The most chain streams that were at once between their opening and their end of snapshot (or their end): the streams
    /// a snapshot reader holds. Counted up to the EndSnapshot, not to the close, whose notice reaches the server late.
    /// </summary>
    public int MaxConcurrentSnapshots { get; private set; }

    /// <summary>Chain streams that the client closed (or that ended): a snapshot reader must close each one.</summary>
    public int ClosedChainStreams { get; private set; }

    public void SetQuote(TsQuote quote)
    {
        lock (_gate)
        {
            _quotes[quote.Symbol] = quote;
        }
    }

    public void SetBars(string symbol, params TsBar[] bars)
    {
        lock (_gate)
        {
            _bars[symbol] = [.. bars];
        }
    }

    public void SetExpirations(string underlying, params (string Date, string Type)[] expirations)
    {
        lock (_gate)
        {
            _expirations[underlying] = [.. expirations];
        }
    }

    public void AddOption(TsOption option)
    {
        lock (_gate)
        {
            _options.Add(option);
        }
    }

    /// <summary>The next <paramref name="times"/> chain streams behave as <paramref name="behaviour"/>.</summary>
    public void ScriptChainStream(TsChainStream behaviour, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _chainScripts.Enqueue(behaviour);
            }
        }
    }

    partial void MapMarketData(RouteGroupBuilder api)
    {
        api.MapGet("/marketdata/quotes/{symbols}", (string symbols) =>
        {
            var requested = symbols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (requested.Length > 100)
            {
                return Error(400, "BadRequest", "Too many symbols: at most 100.");
            }

            lock (_gate)
            {
                return Json(new
                {
                    Quotes = requested.Where(_quotes.ContainsKey).Select(s => _quotes[s]).Select(q => new
                    {
                        q.Symbol, q.Last, q.Ask, AskSize = "100", q.Bid, BidSize = "200", q.DailyOpenInterest, q.TradeTime,
                        MarketFlags = new { IsDelayed = false, IsHalted = false },
                    }).ToList(),
                    Errors = requested.Where(s => !_quotes.ContainsKey(s)).Select(s => new { Symbol = s, Error = "FAILED, INVALID SYMBOL" }).ToList(),
                });
            }
        });

        api.MapGet("/marketdata/barcharts/{symbol}", (string symbol, string? unit, int? barsback) =>
        {
            lock (_gate)
            {
                if (unit != "Daily" || !_bars.TryGetValue(symbol, out var bars))
                {
                    return Error(400, "Failed", "Not entitled to data for this symbol");
                }

                return Json(new
                {
                    Bars = bars.TakeLast(barsback ?? 1).Select(b => new
                    {
                        High = b.Close, Low = b.Close, Open = b.Close, b.Close, b.TimeStamp, TotalVolume = "1000000", DownTicks = 10, IsEndOfHistory = false,
                    }).ToList(),
                });
            }
        });

        api.MapGet("/marketdata/options/expirations/{underlying}", (string underlying) =>
        {
            lock (_gate)
            {
                return _expirations.TryGetValue(underlying, out var dates)
                    ? Json(new { Expirations = dates.Select(d => new { d.Date, d.Type }).ToList() })
                    : Error(400, "BadRequest", "Invalid underlying");
            }
        });

        api.MapGet("/marketdata/stream/options/chains/{underlying}", ChainStreamAsync);
    }

    private async Task ChainStreamAsync(HttpContext context, string underlying)
    {
        var query = context.Request.Query;
        var expiration = DateOnly.ParseExact(query["expiration"].ToString(), "MM-dd-yyyy", CultureInfo.InvariantCulture);
        var proximity = int.Parse(query["strikeProximity"].ToString(), CultureInfo.InvariantCulture);
        var side = query["optionType"].ToString();
        TsChainStream behaviour;
        List<TsOption> options;
        lock (_gate)
        {
            behaviour = _chainScripts.TryDequeue(out var scripted) ? scripted : TsChainStream.Snapshot;
            var last = decimal.Parse(_quotes[underlying].Last, CultureInfo.InvariantCulture);
            var ofExpiration = _options.Where(o => o.Symbol.StartsWith(underlying + " ", StringComparison.Ordinal)
                && DateOnly.FromDateTime(DateTime.Parse(o.Expiration, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)) == expiration
                && (side is "" or "All" || o.Side == side)).ToList();
            var strikes = ofExpiration.Select(o => decimal.Parse(o.Strike, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            var nearest = strikes.Count == 0 ? 0 : strikes.IndexOf(strikes.MinBy(s => Math.Abs(s - last)));
            var kept = strikes.Skip(Math.Max(0, nearest - proximity)).Take((2 * proximity) + 1).ToHashSet();
            options = [.. ofExpiration.Where(o => kept.Contains(decimal.Parse(o.Strike, CultureInfo.InvariantCulture)))];
            _snapshotsInFlight++;
            MaxConcurrentSnapshots = Math.Max(MaxConcurrentSnapshots, _snapshotsInFlight);
        }

        var inFlight = true;
        try
        {
            context.Response.ContentType = "application/vnd.tradestation.streams.v2+json";
            var aborted = context.RequestAborted;
            await WriteChunkAsync(context, """{"Heartbeat":1,"Timestamp":"2025-04-02T14:00:00Z"}""" + "\n", aborted);
            if (behaviour == TsChainStream.Error)
            {
                EndOfSnapshot(ref inFlight);
                await WriteChunkAsync(context, """{"Error":"InternalServerError","Message":"chain unavailable"}""", aborted);
                return;
            }

            var sent = behaviour is TsChainStream.GoAway or TsChainStream.Drop ? options.Take(options.Count / 2).ToList() : options;
            foreach (var option in sent)
            {
                // Each object in two chunks, split mid-value, as a chunked stream may deliver it.
                var text = SpreadJson(option);
                await WriteChunkAsync(context, text[..(text.Length / 2)], aborted);
                await WriteChunkAsync(context, text[(text.Length / 2)..] + "\n", aborted);
            }

            switch (behaviour)
            {
                case TsChainStream.GoAway:
                    EndOfSnapshot(ref inFlight);
                    await WriteChunkAsync(context, """{"StreamStatus":"GoAway"}""" + "\n", aborted);
                    return;
                case TsChainStream.Drop:
                    await WriteChunkAsync(context, """{"Delta":"-0.2","Bid":"1.""", aborted);
                    EndOfSnapshot(ref inFlight);
                    context.Abort();
                    return;
                case TsChainStream.Snapshot:
                    EndOfSnapshot(ref inFlight);
                    await WriteChunkAsync(context, """{"StreamStatus":"EndSnapshot"}""" + "\n", aborted);
                    break;
                default:
                    break;
            }

            // A real stream goes on (updates, heartbeats) until the client closes it.
            for (var beat = 2; !aborted.IsCancellationRequested; beat++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), aborted);
                await WriteChunkAsync(context, $"{{\"Heartbeat\":{beat},\"Timestamp\":\"2025-04-02T14:00:05Z\"}}\n", aborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client closed the stream.
        }
        catch (IOException)
        {
            // The client closed the stream while a heartbeat was on its way.
        }
        finally
        {
            EndOfSnapshot(ref inFlight);
            lock (_gate)
            {
                ClosedChainStreams++;
            }
        }
    }

    private void EndOfSnapshot(ref bool inFlight)
    {
        lock (_gate)
        {
            if (inFlight)
            {
                _snapshotsInFlight--;
                inFlight = false;
            }
        }
    }

    private static string SpreadJson(TsOption o) => JsonSerializer.Serialize(new
    {
        o.Delta,
        Theta = "-0.0049",
        Gamma = "0.0004",
        Vega = "0.0101",
        o.ImpliedVolatility,
        o.DailyOpenInterest,
        o.Ask,
        o.Bid,
        Mid = ((decimal.Parse(o.Bid, CultureInfo.InvariantCulture) + decimal.Parse(o.Ask, CultureInfo.InvariantCulture)) / 2m).ToString(CultureInfo.InvariantCulture),
        AskSize = 13,
        BidSize = 7,
        o.Last,
        Volume = 144,
        o.Side,
        Strikes = new[] { o.Strike },
        Legs = new[]
        {
            new { o.Symbol, Ratio = 1, StrikePrice = o.Strike, o.Expiration, OptionType = o.Side, AssetType = "StockOption" },
        },
    });

    private static async Task WriteChunkAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
